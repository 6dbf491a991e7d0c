using Medlem.Core.Data;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Privacy.Retention;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Medlem.Core.Tests.Privacy.Audit.AuditTestData;

namespace Medlem.Core.Tests.Privacy.Audit;

/// <summary>
/// The privacy issue's retention of the audit trail (5 years): old entries are cut from the start
/// of the chain, and what is left still verifies from the anchor they leave; a broken chain is
/// never cut; the newest entry always stays.
/// </summary>
public sealed class AuditRetentionTests : AuditDatabaseTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Entries 1–3 in the first year, 4–5 six years later (after the clock moved on).</summary>
    private async Task<AuditActor> AppendOverSixYearsAsync()
    {
        var (a, _) = await AddStaffAsync(Db, Database.LibraryA, Database.LibraryB);
        for (var i = 0; i < 3; i++)
        {
            Database.Clock.Advance(TimeSpan.FromDays(30));
            await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.DeskDetails, Someone());
        }

        Database.Clock.Advance(TimeSpan.FromDays(6 * 365));
        await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.DeskDetails, Someone());
        await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.DeskSearch, Someone());
        return a;
    }

    [Fact]
    public async Task EntriesOlderThanFiveYears_AreCut_AndTheRestVerifiesFromTheAnchor_AndNewEntriesLinkOn()
    {
        var actor = await AppendOverSixYearsAsync();
        var third = (await EntriesAsync(Db))[2];

        Assert.Equal(3, await RunAsync(dryRun: true));
        Assert.Equal(5, (await EntriesAsync(Db)).Count);
        Assert.Equal(3, await RunAsync(dryRun: false));

        Assert.Equal([4L, 5], (await EntriesAsync(Db)).Select(e => e.Sequence));
        await using (var db = Db())
        {
            var anchor = await db.AuditAnchors.SingleAsync(Ct);
            Assert.Equal((3, third.Hash), (anchor.Sequence, anchor.Hash));
        }

        var verified = await VerifyAsync(Db);
        Assert.True(verified.Intact);
        Assert.Equal((2, 4L, 5L), (verified.Entries, verified.FirstSequence, verified.LastSequence));
        Assert.Equal(0, await RunAsync(dryRun: false)); // nothing more to cut

        await RecordAsync(Db, Database.Clock, Lock, actor, AuditPurposes.DeskDetails, Someone());
        Assert.True((await VerifyAsync(Db)).Intact);
        Assert.Equal([4L, 5, 6], (await EntriesAsync(Db)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task ABrokenChain_IsNeverCut()
    {
        await AppendOverSixYearsAsync();
        await using (var db = Db())
        {
            await db.AuditEntries.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Purpose, AuditPurposes.DeskSearch), Ct);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(dryRun: false));
        Assert.Contains("broken at entry 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await EntriesAsync(Db)).Count);
    }

    [Fact]
    public async Task TheLongestPeriodOfAnyLibrary_Decides_AndTheNewestEntryAlwaysStays()
    {
        await AppendOverSixYearsAsync();
        var options = new RetentionOptions();
        options.Libraries["b"] = new RetentionPolicy { AuditYears = 10 };
        Assert.Equal(0, await RunAsync(dryRun: false, options));

        Database.Clock.Advance(TimeSpan.FromDays(30 * 365)); // everything is old now
        Assert.Equal(4, await RunAsync(dryRun: false));
        Assert.Equal([5L], (await EntriesAsync(Db)).Select(e => e.Sequence));
        Assert.True((await VerifyAsync(Db)).Intact);
    }

    private async Task<long> RunAsync(bool dryRun, RetentionOptions? options = null)
    {
        await using var db = Db();
        var rule = new AuditRetention(db, new AuditChain(db), options ?? new RetentionOptions());
        var library = await db.Libraries.SingleAsync(l => l.Id == Database.LibraryA, Ct);
        return await rule.ApplyAsync(new RetentionScope(library, new RetentionPolicy(), Database.Clock.GetUtcNow(), dryRun), Ct);
    }
}
