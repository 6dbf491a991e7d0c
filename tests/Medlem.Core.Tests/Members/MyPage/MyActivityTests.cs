using Medlem.Core.Members.MyPage;
using Medlem.Core.Privacy.Consents;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

// Issue 6, "Min side": my activity — loans, events and wifi use as the member's own counts over time, the
// titles only when they keep a reading history. Expected counts are the rows of MyPageHarness.LoadActivityAsync.
public sealed class MyActivityTests : IAsyncLifetime
{
    private MyPageHarness _h = null!;

    public async ValueTask InitializeAsync()
    {
        _h = await MyPageHarness.CreateAsync();
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private static MyActivityMonth Month(int year, int month, int loans = 0, int renewals = 0, int events = 0, int wifi = 0, int digital = 0) =>
        new(new DateOnly(year, month, 1), loans, renewals, events, wifi, digital);

    [Fact]
    public async Task TwelveMonths_CountTheMembersOwnUsePerMonth_PerLibrary_NewestFirst_WithZeroMonths()
    {
        await _h.LoadActivityAsync();

        var activity = await _h.Activity().RunAsync(_h.Kari, 12, MyPageHarness.Ct);

        // One table per membership (per controller): Stavanger since 2020, Sandnes since 2024.
        Assert.Equal([_h.Imports["Kari"].MembershipId, _h.KariSandnesMembership], activity.Select(a => a.Membership.Id));
        var stavanger = activity[0].Months;
        Assert.Equal(12, stavanger.Count);
        Assert.Equal(new DateOnly(2026, 11, 1), stavanger[0].Month); // the clock's month, 28 November 2026
        Assert.Equal(new DateOnly(2025, 12, 1), stavanger[^1].Month);
        // November: loans on the 2nd and 12th (the return on the 3rd is not use), ev-1 and ev-2, wifi w1, e-book d1.
        Assert.Equal(Month(2026, 11, loans: 2, events: 2, wifi: 1, digital: 1), stavanger[0]);
        Assert.Equal(Month(2026, 10, renewals: 1), stavanger[1]);
        Assert.Equal(Month(2026, 3, loans: 1), stavanger.Single(m => m.Month == new DateOnly(2026, 3, 1)));
        Assert.Equal(9, stavanger.Count(m => m.Total == 0));
        // The loan of June 2025 lies before the twelve months; Per's loans, event and wifi are not Kari's.
        Assert.Equal(2 + 1 + 1, stavanger.Sum(m => m.Loans + m.Renewals));

        var sandnes = activity[1].Months;
        Assert.Equal(Month(2026, 9, loans: 1), sandnes.Single(m => m.Total > 0)); // Siri's loan of the 11th is hers
    }

    [Fact]
    public async Task TwentyFourMonths_ReachBackToDecember2024_AndAnOfferedPeriodOnly()
    {
        await _h.LoadActivityAsync();

        var months = (await _h.Activity().RunAsync(_h.Kari, 24, MyPageHarness.Ct))[0].Months;
        Assert.Equal(24, months.Count);
        Assert.Equal(new DateOnly(2024, 12, 1), months[^1].Month);
        Assert.Equal(Month(2025, 6, loans: 1), months.Single(m => m.Month == new DateOnly(2025, 6, 1)));

        // Anything but 12 or 24 (an edited address) gives the default twelve.
        Assert.Equal(12, (await _h.Activity().RunAsync(_h.Kari, 5000, MyPageHarness.Ct))[0].Months.Count);
    }

    [Fact]
    public async Task AnotherMembersPage_ShowsOnlyTheirOwnCounts()
    {
        await _h.LoadActivityAsync();

        var per = Assert.Single(await _h.Activity().RunAsync(_h.Per, 12, MyPageHarness.Ct));
        Assert.Equal(_h.Imports["Per"].MembershipId, per.Membership.Id);
        // Per: loans on 5 and 6 November, ev-1 by e-mail and ev-3 by card, wifi w2.
        Assert.Equal(Month(2026, 11, loans: 2, events: 2, wifi: 1), per.Months[0]);
        Assert.Equal(0, per.Months.Skip(1).Sum(m => m.Total));

        Assert.Equal(Month(2026, 9, loans: 1), Assert.Single(await _h.Activity().RunAsync(_h.Siri, 12, MyPageHarness.Ct)).Months.Single(m => m.Total > 0));
    }

    [Fact]
    public async Task Titles_AreShownOnlyWhileTheMemberKeepsAReadingHistory()
    {
        // Kari keeps a reading history in Stavanger (given on her page before the import); Per does not.
        var given = await _h.MyConsents().SetAsync(_h.Kari, _h.Imports["Kari"].MembershipId, ConsentPurpose.ReadingHistory, true, 1, MyPageHarness.Ct);
        Assert.True(given.Succeeded, given.Errors.ToString());
        await _h.LoadActivityAsync();

        var kari = await _h.Activity().RunAsync(_h.Kari, 12, MyPageHarness.Ct);
        Assert.True(kari[0].KeepsReadingHistory);
        // Within the twelve months, newest first: loans, the renewal and the e-book; the return adds no title.
        Assert.Equal(
            [
                new MyTitle(new DateOnly(2026, 11, 12), FactKind.Loan, "bok-2"),
                new MyTitle(new DateOnly(2026, 11, 2), FactKind.Loan, "bok-1"),
                new MyTitle(new DateOnly(2026, 11, 1), FactKind.DigitalLoan, "isbn:9788203364850"),
                new MyTitle(new DateOnly(2026, 10, 15), FactKind.Renewal, "bok-0"),
                new MyTitle(new DateOnly(2026, 3, 1), FactKind.Loan, "bok-9"),
            ],
            kari[0].Titles);
        Assert.False(kari[1].KeepsReadingHistory); // consents are per membership: none given in Sandnes
        Assert.Empty(kari[1].Titles);
        Assert.Empty((await _h.Activity().RunAsync(_h.Per, 12, MyPageHarness.Ct))[0].Titles);

        // Withdrawn on her page: the titles are gone, the counts stay.
        Assert.True((await _h.MyConsents().SetAsync(_h.Kari, _h.Imports["Kari"].MembershipId, ConsentPurpose.ReadingHistory, false, 1, MyPageHarness.Ct)).Succeeded);
        var after = await _h.Activity().RunAsync(_h.Kari, 12, MyPageHarness.Ct);
        Assert.False(after[0].KeepsReadingHistory);
        Assert.Empty(after[0].Titles);
        Assert.Equal(0, await _h.Imports.CountAsync("SELECT count(*) FROM title"));
        Assert.Equal(Month(2026, 11, loans: 2, events: 2, wifi: 1, digital: 1), after[0].Months[0]);
    }
}
