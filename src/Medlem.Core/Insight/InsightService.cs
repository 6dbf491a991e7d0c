using Medlem.Core.Data;
using Medlem.Statistics;
using Medlem.Statistics.Insight;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Insight;

/// <summary>Insight settings, from configuration section <c>Medlem:Insight</c>.</summary>
public sealed class InsightOptions
{
    public const string Section = "Medlem:Insight";

    /// <summary>Lower edges of the loan intensity buckets (DESIGN.md §6): 0, 1, 4, 11, 51 gives 0, 1–3, 4–10, 11–50, over 50.</summary>
    public int[] LoanBucketEdges { get; set; } = [0, 1, 4, 11, 51];

    /// <summary>How old the roster (the memberships copied to the statistics store) may be before a dashboard copies it anew.</summary>
    public TimeSpan MembersMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The dashboard for a scope and period: refreshes the roster when it is older than allowed,
/// runs the figures in the statistics store, names what the store knows by number, and applies
/// the library's disclosure threshold (the strictest of all libraries for the consortium).
/// </summary>
public sealed class InsightService(MedlemDbContext db, StatisticsStore store, RosterSync roster, InsightOptions options, TimeProvider clock)
{
    public async Task<InsightDashboard> GetAsync(InsightScope scope, InsightPeriod period, string language, CancellationToken ct = default)
    {
        await roster.RefreshAsync(options.MembersMaxAge, ct);
        InsightFigures figures;
        DateTime? asOf;
        await using (var connection = await store.OpenAsync(ct))
        {
            figures = await InsightQuery.RunAsync(connection, scope, period, LoanBuckets.Of(options.LoanBucketEdges), ct);
            var synced = await Roster.SyncedAtAsync(connection, ct);
            asOf = synced.Count == 0 ? null : synced.Values.Min();
        }

        var libraries = await db.Libraries.AsNoTracking().Select(l => new { l.Id, l.Name, l.SmallCountThreshold }).ToListAsync(ct);
        var branches = await db.Branches.AsNoTracking().Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var types = await db.MembershipTypes.AsNoTracking().Select(t => new { t.Id, t.NameNb, t.NameEn }).ToListAsync(ct);
        var names = new InsightNames(branches, libraries.ToDictionary(l => l.Id, l => l.Name),
            types.ToDictionary(t => t.Id, t => language == "en" ? t.NameEn : t.NameNb));
        var threshold = scope.LibraryId is { } id
            ? libraries.Single(l => l.Id == id).SmallCountThreshold
            : libraries.Select(l => l.SmallCountThreshold).DefaultIfEmpty(5).Max();
        var scopeName = scope.LibraryId is { } lib ? names.Libraries[lib] : "";
        return InsightBuilder.Build(figures, names, scopeName, threshold, asOf, DateOnly.FromDateTime(clock.GetLocalNow().Date));
    }
}
