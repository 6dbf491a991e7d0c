using Medlem.Core.Data;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Tests.TestSupport;
using Xunit;
using static Medlem.Core.Tests.Privacy.Audit.AuditTestData;

namespace Medlem.Core.Tests.Privacy.Audit;

/// <summary>The data protection officer's list: their library's entries only, newest first, by member and by time.</summary>
public sealed class AuditLogTests : AuditDatabaseTest
{
    [Fact]
    public async Task List_ShowsOwnLibraryOnly_NewestFirst_FilteredByMemberAndTime()
    {
        var (a, b) = await AddStaffAsync(Db, Database.LibraryA, Database.LibraryB);
        var kari = Someone();
        // Day 1 (28 Nov): A reads Kari, B reads Kari's namesake elsewhere; day 2: A reads Kari and someone else.
        await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.DeskDetails, kari);
        await RecordAsync(Db, Database.Clock, Lock, b, AuditPurposes.DeskDetails, kari);
        Database.Clock.Advance(TimeSpan.FromDays(1));
        await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.ApiMembersGet, kari);
        await RecordAsync(Db, Database.Clock, Lock, a, AuditPurposes.DeskSearch, Someone());

        var all = await ListAsync(new AuditQuery(Database.LibraryA, null, null, null, 1, 10));
        Assert.Equal([4L, 3, 1], all.Lines.Select(l => l.Entry.Sequence));
        Assert.All(all.Lines, l => Assert.Equal("Desk A", l.StaffName));

        var ofKari = await ListAsync(new AuditQuery(Database.LibraryA, kari.PersonId, null, null, 1, 10));
        Assert.Equal([3L, 1], ofKari.Lines.Select(l => l.Entry.Sequence));

        var secondDay = TestClock.Now.AddDays(1).Date;
        var onDayTwo = await ListAsync(new AuditQuery(Database.LibraryA, kari.PersonId, new DateTimeOffset(secondDay, TimeSpan.Zero), null, 1, 10));
        Assert.Equal([3L], onDayTwo.Lines.Select(l => l.Entry.Sequence));
        var onDayOne = await ListAsync(new AuditQuery(Database.LibraryA, null, null, new DateTimeOffset(secondDay, TimeSpan.Zero), 1, 10));
        Assert.Equal([1L], onDayOne.Lines.Select(l => l.Entry.Sequence));

        var paged = await ListAsync(new AuditQuery(Database.LibraryA, null, null, null, 2, 2));
        Assert.Equal((2, 2, 3), (paged.Page, paged.PageCount, paged.Total));
        Assert.Equal([1L], paged.Lines.Select(l => l.Entry.Sequence));
    }

    private async Task<AuditPage> ListAsync(AuditQuery query)
    {
        await using var db = Db();
        return await new AuditLog(db).ListAsync(query, TestContext.Current.CancellationToken);
    }
}
