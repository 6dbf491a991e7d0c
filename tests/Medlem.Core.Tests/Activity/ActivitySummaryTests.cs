using Medlem.Core.Activity;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Membership.cs: the register keeps "last day of recorded use (loan, digital loan or login, event, identified
// wifi) and loans in the last twelve months, as of ActivityAsOf"; the import refreshes it for the members it
// has facts for; a last use the register knew before is kept when it is later. Today is 2026-11-28, so the
// twelve months are 2025-11-29 to 2026-11-28. A renewal is use but not a new loan; a return is neither.
public sealed class ActivitySummaryTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ImportingLoans_SetsLoansInTheLast12MonthsAndTheLastDayOfUse_OfTheMembersConcerned()
    {
        // Ingrid's last use known at the desk, later than anything imported for her.
        await using (var db = _h.Database.NewContext())
        {
            await db.Memberships.Where(m => m.Id == _h["Ingrid"].MembershipId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastUsedOn, new DateOnly(2026, 11, 1)), TestContext.Current.CancellationToken);
        }

        var koha = await _h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
            KohaFiles.Statistic("2025-11-28 10:00:00", "issue", "1001", "20417"), // a year and a day ago: outside
            KohaFiles.Statistic("2025-11-29 10:00:00", "issue", "1002", "20417"), // the first day of the twelve months
            KohaFiles.Statistic("2026-03-14 12:30:00", "issue", "1003", "20417"),
            KohaFiles.Statistic("2026-04-01 09:00:00", "renew", "1003", "20417"), // Kari's last use
            KohaFiles.Statistic("2026-04-20 15:00:00", "return", "1003", "20417")), ImportFormat.Koha);
        var medlem = await _h.ImportAsync(ImportKind.Loans, """
            time,branch,type,item_id,item_type,card_number
            2026-11-27 15:00:00,madla,issue,2001,BOK,2100000025
            2026-06-02 10:00:00,madla,issue,2002,BOK,2100000033
            2026-09-09 11:00:00,madla,return,2003,BOK,2100000041
            """);
        var digital = await _h.ImportAsync(ImportKind.DigitalLoans, "loan_id,time,card_number,format,title_id\nd1,2026-10-10 20:00:00,2100000033,ebook,isbn:1\n");

        Assert.All(new[] { koha, medlem, digital }, r => Assert.Equal((ImportState.Completed, 0L), (r.State, r.RowsRejected)));
        var today = new DateOnly(2026, 11, 28);
        Assert.Equal((2, (DateOnly?)new DateOnly(2026, 4, 1), (DateOnly?)today), await SummaryAsync("Kari"));
        Assert.Equal((1, (DateOnly?)new DateOnly(2026, 11, 27), (DateOnly?)today), await SummaryAsync("Ola"));
        Assert.Equal((1, (DateOnly?)new DateOnly(2026, 11, 1), (DateOnly?)today), await SummaryAsync("Ingrid")); // the register's later day kept
        Assert.Equal((0, (DateOnly?)null, (DateOnly?)today), await SummaryAsync("Per")); // a return only: no use, as of today
        Assert.Equal((0, (DateOnly?)null, (DateOnly?)null), await SummaryAsync("Siri")); // library B: untouched
    }

    [Fact]
    public async Task ALaterExport_AddsToTheEarlierOnes_AndAnExportSeenBeforeChangesNothing()
    {
        var today = new DateOnly(2026, 11, 28);
        var january = await _h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
            KohaFiles.Statistic("2026-01-10 10:00:00", "issue", "1001", "20417"),
            KohaFiles.Statistic("2026-02-10 10:00:00", "issue", "1002", "20417")), ImportFormat.Koha);
        Assert.Equal((2, (DateOnly?)new DateOnly(2026, 2, 10), (DateOnly?)today), await SummaryAsync("Kari"));

        // Another export: its loans are added to the first one's; a loan before the twelve months is no loan in them.
        var may = KohaFiles.Statistics(
            KohaFiles.Statistic("2026-05-10 10:00:00", "issue", "1003", "20417"),
            KohaFiles.Statistic("2025-11-01 10:00:00", "issue", "1004", "20417"));
        var first = await _h.ImportAsync(ImportKind.Loans, may, ImportFormat.Koha);
        Assert.Equal((3, (DateOnly?)new DateOnly(2026, 5, 10), (DateOnly?)today), await SummaryAsync("Kari"));

        // The same export again: every row already there, the summary as it was.
        var again = await _h.ImportAsync(ImportKind.Loans, may, ImportFormat.Koha);
        Assert.Equal((ImportState.Completed, 0L, 2L), (again.State, again.RowsLoaded, again.RowsDuplicate));
        Assert.Equal((3, (DateOnly?)new DateOnly(2026, 5, 10), (DateOnly?)today), await SummaryAsync("Kari"));

        // An export that overlaps: the repeated loan is not counted twice, the new renewal is the last use.
        var overlapping = await _h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
            KohaFiles.Statistic("2026-05-10 10:00:00", "issue", "1003", "20417"),
            KohaFiles.Statistic("2026-06-01 10:00:00", "renew", "1003", "20417")), ImportFormat.Koha);
        Assert.Equal((1L, 1L), (overlapping.RowsLoaded, overlapping.RowsDuplicate));
        Assert.Equal((3, (DateOnly?)new DateOnly(2026, 6, 1), (DateOnly?)today), await SummaryAsync("Kari"));
        Assert.All(new[] { january, first }, r => Assert.Equal((ImportState.Completed, 2L), (r.State, r.RowsLoaded)));
    }

    private async Task<(int Loans, DateOnly? LastUsed, DateOnly? AsOf)> SummaryAsync(string given)
    {
        var m = await _h.MembershipAsync(given);
        return (m.LoansLast12Months, m.LastUsedOn, m.ActivityAsOf);
    }
}
