using Medlem.Core.Data;
using Medlem.Statistics;
using Medlem.Statistics.Insight;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Insight;

/// <summary>
/// Copies a library's memberships from the register into the statistics store's roster: the
/// pseudonym's store number, home branch, type, birth month, and the days it was valid. Nothing
/// else about the person crosses; the birth day stays in the register.
/// </summary>
public sealed class RosterSync(MedlemDbContext db, StatisticsStore store, TimeProvider clock)
{
    /// <summary>Shared with imports: both give new pseudonyms the store's next number, so one writes at a time.</summary>
    private static SemaphoreSlim Gate => Activity.Importing.ActivityImporter.OneAtATime;

    /// <summary>Copies the libraries whose roster is older than <paramref name="maxAge"/> (all of them for <see cref="TimeSpan.Zero"/>).</summary>
    public async Task<int> RefreshAsync(TimeSpan maxAge, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var libraries = await db.Libraries.AsNoTracking().Select(l => l.Id).ToListAsync(ct);
            await using var connection = await store.OpenAsync(ct);
            var synced = await Roster.SyncedAtAsync(connection, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var stale = libraries.Where(id => !synced.TryGetValue((short)id, out var at) || now - at >= maxAge).ToList();
            foreach (var id in stale)
            {
                await CopyAsync(connection, (short)id, now, ct);
            }

            return stale.Count;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task CopyAsync(DuckDB.NET.Data.DuckDBConnection connection, short libraryId, DateTime now, CancellationToken ct)
    {
        var numbers = await StatisticsNumbers.LoadAsync(connection, libraryId, ct);
        // A membership whose processing is limited (restriction, objection, erasure pending) is not counted.
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.LibraryId == libraryId && m.Limit == Privacy.Restriction.ProcessingLimit.None)
            .Select(m => new { m.Pseudonym, m.HomeBranchId, m.MembershipTypeId, m.Person!.BirthDate, m.ValidFrom, m.ValidTo, m.BlockedAt })
            .ToListAsync(ct);
        var entries = memberships.Select(m => new RosterEntry(
            numbers.Member(m.Pseudonym), libraryId, (short?)m.HomeBranchId, (short)m.MembershipTypeId,
            new DateOnly(m.BirthDate.Year, m.BirthDate.Month, 1), m.ValidFrom, m.ValidTo,
            m.BlockedAt is { } blocked ? DateOnly.FromDateTime(blocked.UtcDateTime) : null)).ToList();
        await Roster.ReplaceAsync(connection, libraryId, numbers, entries, now, ct);
    }
}
