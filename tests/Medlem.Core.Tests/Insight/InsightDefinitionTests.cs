using Medlem.Statistics;
using Medlem.Statistics.Insight;
using Xunit;

namespace Medlem.Core.Tests.Insight;

// DESIGN.md §6, figure by figure, on a small library whose every member is written out below; the
// expected values are counted by hand from these lines (the comments show the counting). Period: 2025,
// the period before: 2024. Ages are taken on 31 December of the period.
//
//  m   born     valid                       type branch  use in 2024            use in 2025
//  1   2015-03  2020-01-01 –                1    10      loan (Mar)             loans Mar, Jun
//  2   2008-12  2024-06-01 –                1    –       event (Sep)            –
//  3   1990-06  2019-01-01 –                2    11      loans Jan–May          loans every month, 2 renewals, wifi Jan+Feb+Feb, 1 digital loan
//  4   1950-01  2010-01-01 – 2025-04-30     1    –       –                      loan (Feb)
//  5   2000-07  2025-02-10 –                1    –       –                      loan + event (Mar), event (Aug)
//  6   1980-01  2026-01-01 –                1    –       –                      –              (not yet a member)
//  7   1985-05  2018-01-01 – 2023-12-31     1    –       –                      –              (lapsed before)
//  8   1970-01  2015-01-01 –, blocked 2024-03-01  1 –    –                      –
//  9   2014-11  2021-01-01 –                1    10      –                      loans Jan–May
// 10   2016-01  2022-01-01 –                1    –       –                      –
public sealed class InsightDefinitionTests : IAsyncLifetime
{
    private readonly InsightStore _s = new();
    private InsightFigures _f = null!;

    public async ValueTask InitializeAsync()
    {
        _s.Member(1, "2015-03", "2020-01-01", branch: 10);
        _s.Member(2, "2008-12", "2024-06-01");
        _s.Member(3, "1990-06", "2019-01-01", type: 2, branch: 11);
        _s.Member(4, "1950-01", "2010-01-01", validTo: "2025-04-30");
        _s.Member(5, "2000-07", "2025-02-10");
        _s.Member(6, "1980-01", "2026-01-01");
        _s.Member(7, "1985-05", "2018-01-01", validTo: "2023-12-31");
        _s.Member(8, "1970-01", "2015-01-01", blocked: "2024-03-01");
        _s.Member(9, "2014-11", "2021-01-01", branch: 10);
        _s.Member(10, "2016-01", "2022-01-01");

        _s.Use(1, FactKind.Loan, "2024-03-05", branch: 10);
        _s.Use(1, FactKind.Loan, "2025-03-05", branch: 10);
        _s.Use(1, FactKind.Loan, "2025-06-05", branch: 10);
        _s.Use(2, FactKind.EventAttendance, "2024-09-12", eventId: "E0");
        for (var month = 1; month <= 5; month++)
        {
            _s.Use(3, FactKind.Loan, $"2024-{month:00}-10", branch: 11);
            _s.Use(9, FactKind.Loan, $"2025-{month:00}-11", branch: 10);
        }

        for (var month = 1; month <= 12; month++)
        {
            _s.Use(3, FactKind.Loan, $"2025-{month:00}-10", branch: 11);
        }

        _s.Use(3, FactKind.Renewal, "2025-02-01", branch: 11);
        _s.Use(3, FactKind.Renewal, "2025-03-01", branch: 11);
        _s.Use(3, FactKind.WifiSession, "2025-01-15");
        _s.Use(3, FactKind.WifiSession, "2025-02-15");
        _s.Use(3, FactKind.WifiSession, "2025-02-16");
        _s.Use(3, FactKind.DigitalLoan, "2025-07-01");
        _s.Use(4, FactKind.Loan, "2025-02-20");
        _s.Use(5, FactKind.Loan, "2025-03-02");
        _s.Use(5, FactKind.EventAttendance, "2025-03-20", eventId: "E1");
        _s.Use(5, FactKind.EventAttendance, "2025-08-14", eventId: "E2");

        // People without a membership: two at the March event, one in August, four anonymous in March;
        // three devices on the wifi in January (one of them twice); two loans on unknown cards in May.
        _s.Unknown("card-a", FactKind.EventAttendance, "2025-03-20", eventId: "E1");
        _s.Unknown("card-b", FactKind.EventAttendance, "2025-03-20", eventId: "E1");
        _s.Unknown("card-a", FactKind.EventAttendance, "2025-08-14", eventId: "E2");
        for (var i = 0; i < 4; i++)
        {
            _s.Anonymous(FactKind.EventAttendance, "2025-03-20", eventId: "E1");
        }

        _s.Unknown("device-1", FactKind.WifiSession, "2025-01-03");
        _s.Unknown("device-1", FactKind.WifiSession, "2025-01-04");
        _s.Unknown("device-2", FactKind.WifiSession, "2025-01-05");
        _s.Unknown("device-3", FactKind.WifiSession, "2025-01-06");
        _s.Unknown("card-x", FactKind.Loan, "2025-05-05");
        _s.Unknown("card-y", FactKind.Loan, "2025-05-06");

        _s.Event("E0", "Høstkveld", "Konsert", Audience.All, "2024-09-12T18:00:00");
        _s.Event("E1", "Forfatterbesøk", "Foredrag", Audience.Adults, "2025-03-20T19:00:00");
        _s.Event("E2", "Eventyrstund", "Lesestund", Audience.Children, "2025-08-14T11:00:00");
        _s.Visits("2024-12-30", 30);
        _s.Visits("2025-01-02", 100);
        _s.Visits("2025-06-02", 50);
        await _s.SaveAsync();
        _f = await _s.FiguresAsync(new InsightScope(InsightStore.Library), InsightPeriod.Year(2025));
    }

    public ValueTask DisposeAsync()
    {
        _s.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void RegisteredActiveAndBorrowers_FollowTheDefinitions()
    {
        // Registered in 2025: 1, 2, 3, 4 (valid until April), 5, 9, 10 — not 6 (from 2026), 7 (lapsed 2023), 8 (blocked 2024).
        // Active users: 1, 3, 4, 5, 9 (2 and 10 did nothing). Active borrowers: the same five.
        // Loans (first-time, no renewals) of registered members: 2 + 12 + 1 + 1 + 5 = 21.
        Assert.Equal(new PeriodTotals(7, 5, 5, 21), _f.Current);

        // 2024: registered 1, 2, 3, 4, 8 (until blocked), 9, 10; active 1 (loan), 2 (event), 3 (loans); borrowers 1 and 3.
        Assert.Equal(7, _f.Previous.Registered);
        Assert.Equal(3, _f.Previous.ActiveUsers);
        Assert.Equal(2, _f.Previous.ActiveBorrowers);
    }

    [Fact]
    public void LoanIntensityBuckets_CountRegisteredMembersByLoans()
    {
        // 0: members 2 and 10; 1–3: 1 (2), 4 (1), 5 (1); 4–10: 9 (5); 11–50: 3 (12); over 50: none.
        Assert.Equal([2L, 3, 1, 1, 0], _f.Buckets.Select(b => b.Members));
        Assert.Equal([(0, (int?)0), (1, 3), (4, 10), (11, 50), (51, null)], _f.Buckets.Select(b => (b.From, b.To)));
    }

    [Fact]
    public void AgeBands_UseTheAgeOnTheLastDayOfThePeriod_AndCountZeros()
    {
        // 6–12: members 1 (10 years), 9 (11), 10 (9) with 2, 5 and 0 loans: mean 7/3, median 2.
        var children = _f.Bands.Single(b => b.Band == AgeBand.Age6To12);
        Assert.Equal(3, children.Members);
        Assert.Equal(2, children.ActiveBorrowers);
        Assert.Equal(7.0 / 3, children.MeanLoans, 9);
        Assert.Equal(2.0, children.MedianLoans);

        // Member 2, born December 2008, is 17 on 31 December 2025: 16–19. Member 3 (35): 30–44, 12 loans.
        Assert.Equal(1, _f.Bands.Single(b => b.Band == AgeBand.Age16To19).Members);
        Assert.Equal(12.0, _f.Bands.Single(b => b.Band == AgeBand.Age30To44).MeanLoans);
        Assert.Equal([AgeBand.Age6To12, AgeBand.Age16To19, AgeBand.Age20To29, AgeBand.Age30To44, AgeBand.Age67Plus], _f.Bands.Select(b => b.Band));
    }

    [Fact]
    public void Dropout_IsTheShareOfThoseActiveBeforeWhoAreNotActiveNow()
    {
        // Active in 2024: 1, 2, 3; of them not active in 2025: 2.
        Assert.Contains(new DropoutFigures(DropoutGroup.All, 0, 3, 1), _f.Dropout);

        // Groups as of 31 December 2024: 1 is 9 (6–12), 2 is 16 (16–19), 3 is 34 (30–44); types: 1 and 2 are type 1.
        Assert.Contains(new DropoutFigures(DropoutGroup.AgeBand, (int)AgeBand.Age16To19, 1, 1), _f.Dropout);
        Assert.Contains(new DropoutFigures(DropoutGroup.AgeBand, (int)AgeBand.Age6To12, 1, 0), _f.Dropout);
        Assert.Contains(new DropoutFigures(DropoutGroup.MembershipType, 1, 2, 1), _f.Dropout);
        Assert.Contains(new DropoutFigures(DropoutGroup.MembershipType, 2, 1, 0), _f.Dropout);
    }

    [Fact]
    public void RetentionCohorts_GroupByMonthOfJoining_AndLookAtTheMonthNAfter()
    {
        // Joined in the 24 months before December 2025: member 2 (June 2024) and member 5 (February 2025).
        Assert.Equal([new DateOnly(2024, 6, 1), new DateOnly(2025, 2, 1)], _f.Cohorts.Select(c => c.Month));

        // Member 2: used the library in September 2024 (3 months after), not in July 2024 (1), December 2024 (6),
        // June 2025 (12); June 2026 (24) has not come.
        Assert.Equal([0L, 1, 0, 0, null], _f.Cohorts[0].Retained);

        // Member 5: March 2025 (1 after) yes, May (3) no, August (6) yes; February 2026 and 2027 not yet.
        Assert.Equal([1L, 0, 1, null, null], _f.Cohorts[1].Retained);
    }

    [Fact]
    public void ReachOfEvents_CountsMembersDistinct_AndOthersPerMonth()
    {
        // Members at events in 2025: 5 only, who borrows. Months with events: March and August.
        // Member-months: (5, March), (5, August) = 2 → 1 a month. Unknown people: March a and b, August a = 3 → 1.5.
        Assert.Equal(new ReachFigures(1, 1, 1.0, 1.5, 4, 1 + 1 + 3 + 4), _f.Events);
    }

    [Fact]
    public void ReachOfWifi_CountsUnknownDevicesPerMonth()
    {
        // Member 3 in January and February (2 member-months / 2 months); devices 1, 2, 3 in January (3 / 2 months).
        Assert.Equal(new ReachFigures(1, 1, 1.0, 1.5, 0, 3 + 4), _f.Wifi);
    }

    [Fact]
    public void ChannelOverlap_CountsEachCombination()
    {
        // None: 2, 10. Loans only: 1, 4, 9. Loans + events: 5. Loans + wifi + digital: 3.
        Assert.Equal(
            [(Channels.None, 2L), (Channels.Loans, 3L), (Channels.Loans | Channels.Events, 1L), (Channels.Loans | Channels.Wifi | Channels.Digital, 1L)],
            _f.Overlap.Select(o => (o.Channels, o.Members)));
    }

    [Fact]
    public void LapsedMembers_AreThoseWhoseLastValidDayFellInThePeriod()
    {
        Assert.Equal(1, _f.Lapsed); // member 4
    }

    [Fact]
    public void Branches_AreComparedByHomeBranch()
    {
        // No branch: 2, 4, 5, 10 (active 4, 5; loans 1 + 1). Branch 10: 1, 9 (loans 7). Branch 11: 3 (loans 12).
        Assert.Equal([new GroupFigures(0, 4, 2, 2, 2), new GroupFigures(10, 2, 2, 2, 7), new GroupFigures(11, 1, 1, 1, 12)], _f.Branches);
    }

    [Fact]
    public void NationalFigures_CountLoansByAgeAndEventsByCategory()
    {
        var n = _f.National;
        Assert.Equal(5, n.ActiveBorrowers);
        Assert.Equal(21 + 2, n.Loans);          // members' 21 and two on unknown cards
        Assert.Equal(2, n.Renewals);
        Assert.Equal(2 + 5, n.LoansToChildren); // members 1 (10 years) and 9 (11)
        Assert.Equal(12 + 1 + 1, n.LoansToAdults);
        Assert.Equal(2, n.LoansUnknownAge);
        Assert.Equal(1, n.DigitalLoans);
        Assert.Equal(150, n.Visits);            // not the 30 of December 2024
        // March: member 5, two unknown, four anonymous; August: member 5 and one unknown.
        Assert.Equal([new EventTypeFigures("Foredrag", Audience.Adults, 1, 7), new EventTypeFigures("Lesestund", Audience.Children, 1, 2)], n.Events);
    }

    [Fact]
    public void Months_CountRegisteredAndActiveMembersOfEachMonth()
    {
        var byMonth = _f.Months.ToDictionary(m => m.Month);
        Assert.Equal(24, _f.Months.Count);

        // March 2025: registered 1, 2, 3, 4, 5, 9, 10; active 1, 3, 5, 9 — all borrowing.
        Assert.Equal(new MonthFigures(new DateOnly(2025, 3, 1), 7, 4, 4), byMonth[new DateOnly(2025, 3, 1)]);

        // May 2025: 4 has lapsed; active 3 and 9. September 2024: registered 1, 2, 3, 4, 9, 10 (8 was blocked); active 2 (event).
        Assert.Equal(new MonthFigures(new DateOnly(2025, 5, 1), 6, 2, 2), byMonth[new DateOnly(2025, 5, 1)]);
        Assert.Equal(new MonthFigures(new DateOnly(2024, 9, 1), 6, 1, 0), byMonth[new DateOnly(2024, 9, 1)]);
    }

    [Fact]
    public async Task Filters_NarrowMembersByAgeBandTypeAndBranch()
    {
        var children = await _s.FiguresAsync(new InsightScope(InsightStore.Library, AgeBand: AgeBand.Age6To12), InsightPeriod.Year(2025));
        Assert.Equal(new PeriodTotals(3, 2, 2, 7), children.Current);

        var type2 = await _s.FiguresAsync(new InsightScope(InsightStore.Library, MembershipTypeId: 2), InsightPeriod.Year(2025));
        Assert.Equal(new PeriodTotals(1, 1, 1, 12), type2.Current);

        var branch10 = await _s.FiguresAsync(new InsightScope(InsightStore.Library, BranchId: 10), InsightPeriod.Year(2025));
        Assert.Equal(new PeriodTotals(2, 2, 2, 7), branch10.Current);
        Assert.Equal(5 + 2, branch10.National.Loans); // loans at branch 10 in 2025: member 1's two and member 9's five
    }

    [Fact]
    public void TheDashboard_ShowsNoCountOfPeopleUnderK_AnywhereInAnyTable()
    {
        var names = new Core.Insight.InsightNames(new Dictionary<int, string>(), new Dictionary<int, string> { [1] = "Test" }, new Dictionary<int, string>());
        var strict = Core.Insight.InsightBuilder.Build(_f, names, "Test", threshold: 5, membersAsOfUtc: null);
        var people = strict.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Where(c => c.Kind == Core.Insight.CellKind.People).ToList();
        Assert.NotEmpty(people);
        Assert.All(people, c => Assert.True(c.Value is null or 0 or >= 5, $"{c.Value} people shown under k"));
        Assert.Contains(people, c => c.Suppressed);

        // With k = 1 nothing is hidden, and the tables carry the figures.
        var open = Core.Insight.InsightBuilder.Build(_f, names, "Test", threshold: 1, membersAsOfUtc: null);
        Assert.DoesNotContain(open.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells), c => c.Suppressed);
        Assert.Equal([7.0, 7.0], open["members"].Rows[0].Cells.Select(c => c.Value));
        Assert.Equal(2.0 / 7, open["members"].Rows[4].Cells[0].Value!.Value, 9);
    }

    [Fact]
    public async Task AQuarter_CountsOnlyItsMonths_AndComparesWithTheQuarterBefore()
    {
        var q1 = await _s.FiguresAsync(new InsightScope(InsightStore.Library), InsightPeriod.Quarter(2025, 1));

        // January–March 2025: registered 1, 2, 3, 4, 5 (from 10 February), 9, 10; active 1 (March), 3, 4 (February), 5 (March), 9.
        // Loans: 1 + 3 + 1 + 1 + 3 = 9. October–December 2024: registered 1, 2, 3, 4, 9, 10; nobody used the library.
        Assert.Equal(new PeriodTotals(7, 5, 5, 9), q1.Current);
        Assert.Equal(new PeriodTotals(6, 0, 0, 0), q1.Previous with { Loans = 0 });
        Assert.Equal([new DateOnly(2024, 10, 1), new DateOnly(2024, 11, 1), new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)],
            q1.Months.Select(m => m.Month));

        // Members at events: 5 in March. Wifi: 3 in January and February (2 member-months over 2 months).
        Assert.Equal(1, q1.Events.Members);
        Assert.Equal(1.0, q1.Wifi.MembersPerMonth);

        // Loans by age on 31 March 2025: children 1 (10 years, one loan in March) and 9 (10, three); adults 3 (three), 4, 5.
        Assert.Equal((4L, 5L, 0L), (q1.National.LoansToChildren, q1.National.LoansToAdults, q1.National.LoansUnknownAge));

        // Channels in the quarter: loans only 1, 4, 9; loans + events 5; loans + wifi 3 (the digital loan is in July); none 2, 10.
        Assert.Equal(
            [(Channels.None, 2L), (Channels.Loans, 3L), (Channels.Loans | Channels.Events, 1L), (Channels.Loans | Channels.Wifi, 1L)],
            q1.Overlap.Select(o => (o.Channels, o.Members)));
    }

    [Fact]
    public async Task TheLast12Months_EndWithTheCurrentMonth()
    {
        var period = InsightPeriod.Parse("12m", new DateOnly(2025, 11, 15))!;
        Assert.Equal((new DateOnly(2024, 12, 1), new DateOnly(2025, 11, 30)), (period.First, period.Last));
        var f = await _s.FiguresAsync(new InsightScope(InsightStore.Library), period);

        // December 2024 – November 2025 holds all of 2025's use but member 3's December loan: 21 − 1 loans.
        Assert.Equal(new PeriodTotals(7, 5, 5, 20), f.Current);
    }

    [Fact]
    public async Task Libraries_AreComparedSideBySide_FromALibraryAndFromTheConsortium()
    {
        // A second library with one member who borrowed twice in 2025.
        using var store = new InsightStore();
        store.Member(1, "1990-01", "2020-01-01");
        store.Use(1, FactKind.Loan, "2025-02-01");
        store.Member(2, "1990-01", "2020-01-01", library: 2);
        store.Use(2, FactKind.Loan, "2025-02-01", library: 2);
        store.Use(2, FactKind.Loan, "2025-03-01", library: 2);
        store.Member(3, "1990-01", "2020-01-01", library: 2);
        await store.SaveAsync();

        var fromLibrary = await store.FiguresAsync(new InsightScope(InsightStore.Library), InsightPeriod.Year(2025));
        var consortium = await store.FiguresAsync(new InsightScope(null), InsightPeriod.Year(2025));
        GroupFigures[] expected = [new(1, 1, 1, 1, 1), new(2, 2, 1, 1, 2)];
        Assert.Equal(expected, fromLibrary.Libraries);
        Assert.Equal(expected, consortium.Libraries);
        Assert.Equal(new PeriodTotals(3, 2, 2, 3), consortium.Current);
    }
}
