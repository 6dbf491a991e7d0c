using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// branch_day counted while an import is written (BranchDayCounts) follows StatisticsSchema's
/// definition: facts per branch, day, kind, match, age band and membership type, the audience not
/// among them. The store-level recount test (StatisticsStorePrivacyTests) checks it against the facts; this the edges.
/// </summary>
public sealed class BranchDayCountsTests
{
    private static long Flags(FactKind kind, short? branch, AgeBand? band = null, short? type = null, Audience? audience = null) =>
        StatisticsSchema.Flags(new Fact { Kind = kind, Match = MatchKind.Member, BranchId = branch, AgeBand = band, MembershipTypeId = type, Audience = audience });

    [Fact]
    public void Counts_PerGroupAndDay_WithoutTheAudience_OverDaysFarApart()
    {
        var counts = new BranchDayCounts();
        var day = new DateOnly(2026, 3, 1);
        counts.Add(Flags(FactKind.Loan, 3, AgeBand.Age30To44, 2), day);
        counts.Add(Flags(FactKind.Loan, 3, AgeBand.Age30To44, 2), day);
        counts.Add(Flags(FactKind.EventAttendance, 3, AgeBand.Age30To44, 2, Audience.Children), day);
        counts.Add(Flags(FactKind.EventAttendance, 3, AgeBand.Age30To44, 2, Audience.Adults), day); // the same group: audience is not in branch_day
        counts.Add(Flags(FactKind.Loan, 3, AgeBand.Age30To44, 2), day.AddDays(-800)); // before the group's first days: they widen backwards
        counts.Add(Flags(FactKind.Loan, 3, AgeBand.Age30To44, 2), day.AddDays(3000)); // and forwards
        counts.Add(Flags(FactKind.Loan, null), day); // no branch, band or type: a group of its own

        Assert.False(counts.GaveUp);
        var rows = counts.Rows().Select(r => (StatisticsSchema.BranchDayRow(r.Flags), r.Day, r.Count)).ToList();
        (short, byte, byte, byte, short) loans = (3, (byte)FactKind.Loan, (byte)MatchKind.Member, (byte)AgeBand.Age30To44, 2);
        Assert.Contains((loans, day, 2), rows);
        Assert.Contains((loans, day.AddDays(-800), 1), rows);
        Assert.Contains((loans, day.AddDays(3000), 1), rows);
        (short, byte, byte, byte, short) events = (3, (byte)FactKind.EventAttendance, (byte)MatchKind.Member, (byte)AgeBand.Age30To44, 2);
        (short, byte, byte, byte, short) none = (0, (byte)FactKind.Loan, (byte)MatchKind.Member, 0, 0);
        Assert.Contains((events, day, 2), rows);
        Assert.Contains((none, day, 1), rows);
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public void ManyGroupsOverManyYears_GiveUpWithinTheBudget_SoTheCommitCountsInSql()
    {
        // Each group's days span 40 years (14,600 counters, 58 KB): the budget holds about 1,150 such groups.
        var counts = new BranchDayCounts();
        for (short branch = 1; branch <= 2000 && !counts.GaveUp; branch++)
        {
            counts.Add(Flags(FactKind.Loan, branch), new DateOnly(1990, 1, 1));
            counts.Add(Flags(FactKind.Loan, branch), new DateOnly(2030, 1, 1));
        }

        Assert.True(counts.GaveUp);
        Assert.Empty(counts.Rows());
        Assert.True(BranchDayCounts.Budget / (40L * 365 * sizeof(int)) < 2000); // the premise
    }
}
