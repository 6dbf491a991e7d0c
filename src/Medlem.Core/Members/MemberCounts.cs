using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members;

/// <summary>
/// Registered, active and passive members of one library today. Counts below the library's
/// threshold k are suppressed (<see cref="LibraryMemberCounts.Shown"/>), so no figure points at a few people.
/// </summary>
public sealed record LibraryMemberCounts(int LibraryId, string LibraryName, int Threshold, int Registered, int Active)
{
    public int Passive => Registered - Active;

    /// <summary>The passive share in percent; null when there are no members or the passive count is suppressed (the share would give it away).</summary>
    public double? PassiveShare => Registered == 0 || Shown.Passive is null ? null : 100.0 * Passive / Registered;

    /// <summary>
    /// The figures that may be shown; null where suppressed. Registered = active + passive, so
    /// when one part is under k both parts are hidden (secondary suppression): otherwise the
    /// hidden one could be recovered by subtraction.
    /// </summary>
    public (int? Registered, int? Active, int? Passive) Shown =>
        IsSmall(Registered) ? (null, null, null)
        : IsSmall(Active) || IsSmall(Passive) ? (Registered, null, null)
        : (Registered, Active, Passive);

    private bool IsSmall(int count) => count > 0 && count < Threshold;
}

/// <summary>
/// The start page's counts for every library, in SQL over the register's activity summary.
/// Registered: a membership valid today and not blocked (DESIGN.md §6: valid on some day of the
/// period, here the period is today). Active: recorded use in the last 12 months (the status
/// rules' passive period). Passive: registered and not active.
/// </summary>
public sealed class MemberCounts(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    public async Task<IReadOnlyList<LibraryMemberCounts>> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var activeAfter = today.AddMonths(-rules.Status.PassiveAfterMonths);
        var counts = await db.Memberships
            .Where(m => m.BlockedAt == null && m.ValidFrom <= today && (m.ValidTo == null || m.ValidTo >= today))
            .GroupBy(m => m.LibraryId)
            .Select(g => new { LibraryId = g.Key, Registered = g.Count(), Active = g.Count(m => m.LastUsedOn > activeAfter) })
            .ToListAsync(ct);
        var libraries = await db.Libraries.OrderBy(l => l.Kind).ThenBy(l => l.Name).ToListAsync(ct);
        return libraries.Select(l =>
        {
            var c = counts.SingleOrDefault(x => x.LibraryId == l.Id);
            return new LibraryMemberCounts(l.Id, l.Name, l.SmallCountThreshold, c?.Registered ?? 0, c?.Active ?? 0);
        }).ToList();
    }
}
