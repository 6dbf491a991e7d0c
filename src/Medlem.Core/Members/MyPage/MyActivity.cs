using Medlem.Core.Data;
using Medlem.Core.Privacy.Consents;
using Medlem.Statistics;
using Medlem.Statistics.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>One calendar month of a membership's use, counted from the statistics store.</summary>
public sealed record MyActivityMonth(DateOnly Month, int Loans, int Renewals, int Events, int WifiSessions, int DigitalLoans)
{
    public int Total => Loans + Renewals + Events + WifiSessions + DigitalLoans;
}

/// <summary>A title borrowed or renewed, kept because the member keeps a reading history.</summary>
public sealed record MyTitle(DateOnly Day, FactKind Kind, string Title);

/// <summary>
/// A membership's activity over the chosen months, newest month first, every month shown (a
/// month without use is a zero, not a gap); the titles only while the reading-history consent counts.
/// </summary>
public sealed record MyMembershipActivity(
    MyMembership Membership, IReadOnlyList<MyActivityMonth> Months, bool KeepsReadingHistory, IReadOnlyList<MyTitle> Titles);

/// <summary>
/// The member's own use per month — loans, renewals, events, wifi sessions, digital loans, the
/// kinds of recorded use of DESIGN.md §6 — read from the statistics store through each
/// membership's pseudonym, which only the register holds. Counts are the member's own, so no
/// small-count suppression applies. Titles come from the same facts the access export reads
/// (<see cref="MemberLinks.FactsAsync"/>), and only while the member keeps a reading history.
/// </summary>
public sealed class MyActivity(MedlemDbContext db, StatisticsStore store, MyMemberships memberships, Consents consents, TimeProvider clock)
{
    /// <summary>The periods the page offers: the last 12 or 24 months, this month included.</summary>
    public static readonly IReadOnlyList<int> Periods = [12, 24];

    /// <summary>The facts whose title is "what I borrowed"; a return repeats a loan's title and adds nothing.</summary>
    private static readonly FactKind[] BorrowingKinds = [FactKind.Loan, FactKind.Renewal, FactKind.DigitalLoan];

    public async Task<IReadOnlyList<MyMembershipActivity>> RunAsync(Guid personId, int months, CancellationToken ct)
    {
        months = Periods.Contains(months) ? months : Periods[0];
        var mine = await memberships.ListAsync(personId, ct);
        if (mine.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var firstMonth = thisMonth.AddMonths(1 - months);
        var pseudonyms = await PseudonymsAsync(db, personId, ct);
        var keeping = await KeepingReadingHistoryAsync(pseudonyms.Keys, ct);

        var result = new List<MyMembershipActivity>();
        await using var connection = await store.OpenAsync(ct);
        foreach (var membership in mine)
        {
            var pseudonym = pseudonyms[membership.Id];
            var counts = await MemberActivity.MonthlyAsync(connection, (short)membership.Library.Id, [pseudonym], firstMonth, ct);
            var keeps = keeping.Contains(membership.Id);
            var titles = keeps
                ? (await MemberLinks.FactsAsync(connection, (short)membership.Library.Id, [pseudonym], ct))
                    .Where(f => f.Title is not null && f.Day >= firstMonth && BorrowingKinds.Contains(f.Kind))
                    .OrderByDescending(f => f.Day)
                    .Select(f => new MyTitle(f.Day, f.Kind, f.Title!))
                    .ToList()
                : [];
            result.Add(new MyMembershipActivity(membership, MonthsOf(counts, firstMonth, months), keeps, titles));
        }

        return result;
    }

    /// <summary>Every month from the newest back to <paramref name="firstMonth"/>, zeros included.</summary>
    internal static List<MyActivityMonth> MonthsOf(IEnumerable<MemberMonthCount> counts, DateOnly firstMonth, int months)
    {
        var byMonth = counts.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Kind, c => c.Count));
        return [.. Enumerable.Range(0, months).Select(i => firstMonth.AddMonths(months - 1 - i)).Select(month =>
        {
            var n = byMonth.GetValueOrDefault(month) ?? [];
            return new MyActivityMonth(
                month, n.GetValueOrDefault(FactKind.Loan), n.GetValueOrDefault(FactKind.Renewal), n.GetValueOrDefault(FactKind.EventAttendance),
                n.GetValueOrDefault(FactKind.WifiSession), n.GetValueOrDefault(FactKind.DigitalLoan));
        })];
    }

    /// <summary>The person's memberships and their pseudonyms: the one link to the statistics store, held only here.</summary>
    internal static Task<Dictionary<Guid, Guid>> PseudonymsAsync(MedlemDbContext db, Guid personId, CancellationToken ct) =>
        db.Memberships.OwnedBy(personId).AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Pseudonym, ct);

    /// <summary>Which of these memberships keep a reading history now: their latest record gives a consent that still counts.</summary>
    private async Task<HashSet<Guid>> KeepingReadingHistoryAsync(IEnumerable<Guid> membershipIds, CancellationToken ct)
    {
        var ids = membershipIds.ToList();
        var records = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.Purpose == ConsentPurpose.ReadingHistory && ids.Contains(r.MembershipId))
            .ToListAsync(ct);
        return [.. records.GroupBy(r => r.MembershipId)
            .Where(g => consents.StateOf(ConsentPurpose.ReadingHistory, g.MaxBy(r => r.Id)).Given)
            .Select(g => g.Key)];
    }
}
