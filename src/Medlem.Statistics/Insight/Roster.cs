using DuckDB.NET.Data;

namespace Medlem.Statistics.Insight;

/// <summary>
/// One membership as insight needs it: the store's number of its pseudonym, where it belongs,
/// its type, the month of birth of its holder, and when it was valid. The store keeps months only
/// (<see cref="Roster.MonthNumber"/>): insight's periods are whole months, so a birth month gives
/// the age on a period's last day exactly, and valid months tell whether a membership was valid on
/// some day of it. A membership blocked before its end counts as valid until the day before the block.
/// </summary>
public readonly record struct RosterEntry(
    int Member, short LibraryId, short? BranchId, short MembershipTypeId, DateOnly BornMonth, DateOnly ValidFrom, DateOnly? ValidTo, DateOnly? BlockedOn);

/// <summary>
/// The memberships of a library, copied from the register into the statistics store so that
/// "registered member" and the groups (age band, type, home branch) can be counted beside the
/// facts. Replaced whole per library in one transaction; a membership erased from the register
/// disappears from here at the next copy, and its facts are then anonymous.
/// </summary>
public static class Roster
{
    public static async Task ReplaceAsync(DuckDBConnection connection, short libraryId, StatisticsNumbers numbers, IReadOnlyList<RosterEntry> entries, DateTime syncedAtUtc, CancellationToken ct = default)
    {
        await connection.ExecuteAsync("BEGIN TRANSACTION", ct);
        try
        {
            numbers.WriteNew(connection);
            await connection.ExecuteAsync($"DELETE FROM roster WHERE library_id = {libraryId}; DELETE FROM roster_sync WHERE library_id = {libraryId};", ct);
            using (var appender = connection.CreateAppender("roster"))
            {
                foreach (var e in entries)
                {
                    var until = e.BlockedOn is { } blocked && (e.ValidTo is null || blocked <= e.ValidTo) ? blocked.AddDays(-1) : e.ValidTo;
                    var row = appender.CreateRow().AppendValue(e.Member).AppendValue(e.LibraryId);
                    row = e.BranchId is { } branch ? row.AppendValue(branch) : row.AppendNullValue();
                    row = row.AppendValue(e.MembershipTypeId).AppendValue(MonthNumber(e.BornMonth)).AppendValue(MonthNumber(e.ValidFrom))
                        .AppendValue(until is { } last ? MonthNumber(last) : int.MaxValue);
                    row = e.ValidTo is { } to && e.BlockedOn is null ? row.AppendValue(MonthNumber(to)) : row.AppendNullValue();
                    row.EndRow();
                }
            }

            await connection.ExecuteAsync($"INSERT INTO roster_sync VALUES ({libraryId}, TIMESTAMP '{syncedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}', {entries.Count})", ct);
            await connection.ExecuteAsync("COMMIT", ct);
        }
        catch
        {
            await connection.ExecuteAsync("ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    /// <summary>The roster's number of the month of <paramref name="day"/>: year · 12 + month − 1.</summary>
    public static int MonthNumber(DateOnly day) => (day.Year * 12) + day.Month - 1;

    /// <summary>When each library's memberships were last copied (UTC).</summary>
    public static async Task<Dictionary<short, DateTime>> SyncedAtAsync(DuckDBConnection connection, CancellationToken ct = default) =>
        (await connection.QueryAsync("SELECT library_id, synced_at FROM roster_sync", r => (r.GetInt16(0), r.GetDateTime(1)), ct))
            .ToDictionary(x => x.Item1, x => x.Item2);
}
