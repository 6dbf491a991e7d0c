using Medlem.Core.Data;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Medlem.Core.Tests.Privacy.Audit.AuditTestData;

namespace Medlem.Core.Tests.Privacy.Audit;

/// <summary>
/// The audit trail's hash chain (DESIGN.md §4: "the trail is tamper-evident"): appends make a
/// chain that verifies, and every kind of change made behind the application's back — a field,
/// a subject, a deleted, inserted or swapped entry — is reported at the entry where the test made it.
/// </summary>
public sealed class AuditChainTests : AuditDatabaseTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Five single appends, each as its own request, then one search of three people: eight entries.</summary>
    private async Task<AuditActor> AppendEightAsync()
    {
        var (a, _) = await AddStaffAsync(Db, Database.LibraryA, Database.LibraryB);
        for (var i = 0; i < 5; i++)
        {
            Database.Clock.Advance(TimeSpan.FromMinutes(1));
            await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.DeskDetails, Someone());
        }

        await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.DeskSearch, Someone(), Someone(), Someone());
        return a;
    }

    [Fact]
    public async Task Appends_FormALinearChain_ThatVerifies()
    {
        var actor = await AppendEightAsync();

        var entries = await EntriesAsync(Db);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], entries.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        }

        Assert.All(entries, e => Assert.Equal(actor.StaffAccountId, e.StaffAccountId));
        Assert.Equal(TestClock.Now.AddMinutes(1), entries[0].At);
        var result = await VerifyAsync(Db);
        Assert.True(result.Intact);
        Assert.Equal(8, result.Entries);
        Assert.Equal(8, result.LastSequence);
        Assert.Equal(entries[^1].Hash, result.Head);
    }

    [Fact]
    public async Task EmptyTrail_IsIntact()
    {
        var result = await VerifyAsync(Db);
        Assert.True(result.Intact);
        Assert.Equal(0, result.Entries);
        Assert.Equal(AuditHash.Genesis, result.Head);
    }

    /// <summary>Each change is made by raw SQL at the entry named; verification must stop there, for that reason.</summary>
    [Theory]
    [InlineData("UPDATE AuditEntries SET Purpose = 'desk.edit' WHERE Sequence = 3", 3, AuditBreak.Changed)]
    [InlineData("UPDATE AuditEntries SET At = '2026-01-01 00:00:00+00:00' WHERE Sequence = 7", 7, AuditBreak.Changed)]
    [InlineData("UPDATE AuditEntries SET Action = 2 WHERE Sequence = 1", 1, AuditBreak.Changed)]
    [InlineData("UPDATE AuditEntries SET MembershipId = NULL WHERE Sequence = 4", 4, AuditBreak.SubjectChanged)]
    [InlineData("UPDATE AuditEntries SET PersonId = NULL WHERE Sequence = 5", 5, AuditBreak.SubjectChanged)]
    [InlineData("DELETE FROM AuditEntries WHERE Sequence = 3", 3, AuditBreak.Missing)]
    [InlineData("DELETE FROM AuditEntries WHERE Sequence = 1", 1, AuditBreak.Missing)]
    public async Task Tampering_IsReportedAtTheEntryChanged(string sql, long brokenAt, AuditBreak reason)
    {
        await AppendEightAsync();
        await ExecuteAsync(sql);

        var result = await VerifyAsync(Db);
        Assert.Equal((brokenAt, reason), (result.BrokenAt, result.Break));
        Assert.Equal(brokenAt - 1, result.Entries);
    }

    [Fact]
    public async Task ChangedPerson_IsASubjectChange()
    {
        await AppendEightAsync();
        // EF stores a Guid in SQLite as upper-case text.
        await ExecuteAsync($"UPDATE AuditEntries SET PersonId = '{Guid.NewGuid().ToString().ToUpperInvariant()}' WHERE Sequence = 4");

        var result = await VerifyAsync(Db);
        Assert.Equal((4L, AuditBreak.SubjectChanged), (result.BrokenAt, result.Break));
    }

    [Fact]
    public async Task InsertedEntry_WellFormedAndLinked_BreaksTheLinkOfTheOneAfterIt()
    {
        var actor = await AppendEightAsync();
        var before = await EntriesAsync(Db);
        // Make room at 3 (in two steps: SQLite checks the key row by row), then insert a
        // forged entry there that links to entry 2 and carries a correct hash of its own.
        await ExecuteAsync("UPDATE AuditEntries SET Sequence = -(Sequence + 1) WHERE Sequence >= 3");
        await ExecuteAsync("UPDATE AuditEntries SET Sequence = -Sequence WHERE Sequence < 0");
        var subject = Someone();
        var forged = new AuditEntry
        {
            Sequence = 3, At = before[1].At, LibraryId = actor.LibraryId, StaffAccountId = actor.StaffAccountId,
            PersonId = subject.PersonId, MembershipId = subject.MembershipId, SubjectSalt = "00",
            SubjectDigest = AuditHash.SubjectDigest("00", subject.PersonId, subject.MembershipId),
            Action = AuditAction.Read, Purpose = AuditPurposes.DeskDetails, PreviousHash = before[1].Hash, Hash = "",
        };
        forged.Hash = AuditHash.Of(forged);
        await using (var db = Db())
        {
            db.AuditEntries.Add(forged);
            await db.SaveChangesAsync(Ct);
        }

        var result = await VerifyAsync(Db);
        Assert.Equal(4, result.BrokenAt);
        Assert.Equal(AuditBreak.NotLinked, result.Break);
    }

    [Fact]
    public async Task SwappedEntries_AreReportedAtTheFirstPosition()
    {
        await AppendEightAsync();
        await ExecuteAsync("UPDATE AuditEntries SET Sequence = -2 WHERE Sequence = 2");
        await ExecuteAsync("UPDATE AuditEntries SET Sequence = 2 WHERE Sequence = 5");
        await ExecuteAsync("UPDATE AuditEntries SET Sequence = 5 WHERE Sequence = -2");

        var result = await VerifyAsync(Db);
        Assert.Equal(2, result.BrokenAt);
        Assert.Equal(AuditBreak.NotLinked, result.Break);
    }

    [Fact]
    public async Task ErasedSubject_SaltAndIdsRemoved_StillVerifies()
    {
        await AppendEightAsync();
        // What erasure is to do: drop the ids and the salt; the digest left names nobody.
        await ExecuteAsync("UPDATE AuditEntries SET PersonId = NULL, MembershipId = NULL, SubjectSalt = NULL WHERE Sequence IN (2, 6)");

        Assert.True((await VerifyAsync(Db)).Intact);
    }

    [Fact]
    public void Canonical_IsTheDocumentedText_AndItsHashIsSha256()
    {
        // 13:00 in Oslo is 12:00Z; the 0.1234567 s keep their whole microseconds.
        var entry = new AuditEntry
        {
            Sequence = 7, At = AuditHash.Instant(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567)),
            LibraryId = 2, StaffAccountId = 15, SubjectDigest = "ab", Action = AuditAction.Search, Purpose = "desk.search",
            PreviousHash = AuditHash.Genesis, Hash = "",
        };
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // Norwegian formats numbers and dates differently; the text must not change with them.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nb-NO");
            Assert.Equal(
                "medlem.audit.v1\n7\n2026-11-28T12:00:00.123456Z\n2\n15\nab\n2\ndesk.search\n" + AuditHash.Genesis,
                AuditHash.Canonical(entry));
            // printf 'medlem.audit.v1\n7\n2026-11-28T12:00:00.123456Z\n2\n15\nab\n2\ndesk.search\n%064d' 0 | sha256sum
            Assert.Equal("24b6006548d6c0056e6972e7f9a2ed371d947f09afb49d80f71807a12dc9d8bc", AuditHash.Of(entry));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task FreeTextPurpose_IsRefused_AndNothingIsWritten()
    {
        var (a, _) = await AddStaffAsync(Db, Database.LibraryA, Database.LibraryB);
        await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(Db, Database.Clock, Lock, a, "Kari Nordmann ringte", Someone()));
        Assert.Empty(await EntriesAsync(Db));
    }

    [Fact]
    public async Task OneRequest_ReadingAPersonTwice_WritesOneEntry()
    {
        var (a, _) = await AddStaffAsync(Db, Database.LibraryA, Database.LibraryB);
        var person = Someone();
        await using (var db = Db())
        {
            var trail = new AuditTrail(db, Database.Clock, Lock);
            await trail.RecordAsync(a, AuditAction.Read, AuditPurposes.DeskDetails, person, Ct);
            await trail.RecordAsync(a, AuditAction.Read, AuditPurposes.DeskDetails, person, Ct);
            await trail.RecordAsync(a, AuditAction.Search, AuditPurposes.DeskSearch, [person, person, Someone()], Ct);
        }

        Assert.Equal(2, (await EntriesAsync(Db)).Count);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = Db();
        Assert.True(await db.Database.ExecuteSqlRawAsync(sql, Ct) > 0, sql);
    }
}
