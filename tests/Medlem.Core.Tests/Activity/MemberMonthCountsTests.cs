using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// The member aggregates counted while an import is written (MemberMonthCounts) follow
/// StatisticsSchema's definitions of member_month and member_year; the store-level recount test
/// (StatisticsStorePrivacyTests) checks them against the facts, this the edges.
/// </summary>
public sealed class MemberMonthCountsTests
{
    [Fact]
    public void Counts_PerMemberMonthAndKind_AndYearsWithMonthMasks()
    {
        var counts = new MemberMonthCounts(expectedMembers: 4);
        counts.Add(7, new DateOnly(2026, 1, 31), FactKind.Loan);
        counts.Add(7, new DateOnly(2026, 1, 1), FactKind.Loan);
        counts.Add(7, new DateOnly(2026, 3, 15), FactKind.Renewal);
        counts.Add(7, new DateOnly(2025, 12, 31), FactKind.WifiSession);
        counts.Add(9, new DateOnly(2026, 2, 2), FactKind.Return); // no use: a row of zeros in member_year
        for (var member = 10; member < 2000; member++) // past the first size: the counters grow
        {
            counts.Add(member, new DateOnly(2026, 12, 24), FactKind.EventAttendance);
        }

        Assert.False(counts.GaveUp);
        var months = counts.Months().ToList();
        Assert.Contains((7, new DateOnly(2026, 1, 1), FactKind.Loan, 2), months);
        Assert.Contains((7, new DateOnly(2026, 3, 1), FactKind.Renewal, 1), months);
        Assert.Contains((7, new DateOnly(2025, 12, 1), FactKind.WifiSession, 1), months);
        Assert.Contains((9, new DateOnly(2026, 2, 1), FactKind.Return, 1), months);
        Assert.Contains((1999, new DateOnly(2026, 12, 1), FactKind.EventAttendance, 1), months);
        Assert.Equal(4 + 1990, months.Count);

        var years = counts.Years().ToList();
        // January (bit 0) and March (bit 2): use and borrowing; 2 loans, 1 renewal.
        Assert.Contains(new MemberYear(7, 2026, Loans: 2, Renewals: 1, Events: 0, Wifi: 0, Digital: 0, Used: 0b101, Borrowed: 0b101, Evented: 0, WifiMonths: 0, DigitalMonths: 0), years);
        Assert.Contains(new MemberYear(7, 2025, 0, 0, 0, Wifi: 1, 0, Used: 1 << 11, 0, 0, WifiMonths: 1 << 11, 0), years);
        Assert.Contains(new MemberYear(9, 2026, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), years);
        Assert.Contains(new MemberYear(1999, 2026, 0, 0, Events: 1, 0, 0, Used: 1 << 11, 0, Evented: 1 << 11, 0, 0), years);
        Assert.Equal(3 + 1990, years.Count);
    }

    [Fact]
    public void ManyMonthsForManyMembers_GiveUpWithinTheBudget_SoTheCommitCountsInSql()
    {
        // 1,000,000 members: 4 MB of counters per month and kind; the budget holds 48 of them.
        var counts = new MemberMonthCounts(expectedMembers: 1_000_000);
        for (var month = 0; month < 60; month++)
        {
            counts.Add(1, new DateOnly(2020, 1, 1).AddMonths(month), FactKind.Loan);
        }

        Assert.True(counts.GaveUp);
        Assert.Empty(counts.Months());
        Assert.True(MemberMonthCounts.Budget / (1_000_000L * sizeof(int)) < 60); // the premise
    }
}
