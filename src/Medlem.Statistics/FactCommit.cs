using DuckDB.NET.Data;

namespace Medlem.Statistics;

/// <summary>What committing an import did.</summary>
/// <param name="Staged">Rows written: facts, catalogue entries and counts.</param>
/// <param name="Loaded">Rows that were new: <c>Staged - Loaded</c> were already in the store or repeated in the batch.</param>
/// <param name="AlreadyCommitted">The import had been committed before (a rerun after a crash between the two stores).</param>
public sealed record CommitResult(long Staged, long Loaded, bool AlreadyCommitted)
{
    public long Duplicates => Staged - Loaded;
}

/// <summary>
/// Finishes an import's transaction: removes facts whose key the library already has on that
/// day, or that the batch repeats, and renewals that a later export of the same loan dates anew
/// (so the same file twice, or overlapping exports, change nothing); replaces catalogue entries
/// and door counts that have the same natural key (within the batch the later row wins; an entry
/// equal to the stored one counts as a duplicate); adds the import's partial aggregates; records
/// the import in <c>import_batch</c>; commits. Either all of it happens or none of it.
/// </summary>
public static class FactCommit
{
    public static async Task<CommitResult> CommitAsync(DuckDBConnection connection, FactStaging staging, CancellationToken ct = default)
    {
        var repeats = await RemoveRepeatsAsync(connection, staging, ct);
        return await CommitAsync(connection, staging, repeats, ct);
    }

    /// <summary>
    /// The first half of <see cref="CommitAsync(DuckDBConnection, FactStaging, CancellationToken)"/>: removes what
    /// the store has already (or the batch repeats) and returns how many rows that was. The
    /// transaction stays open, so the caller may read the import's facts as they will be committed.
    /// </summary>
    public static async Task<long> RemoveRepeatsAsync(DuckDBConnection connection, FactStaging staging, CancellationToken ct = default)
    {
        if (!staging.IsComplete)
        {
            throw new InvalidOperationException("Complete the staging before committing it.");
        }

        return await RollingBackOnFailureAsync(connection, staging, async () =>
        {
            var duplicates = staging.FirstDay is { } first && staging.LastDay is { } last
                ? await RemoveDuplicatesAsync(connection, staging, first, last, ct)
                : 0;
            duplicates += await RemoveRedatedRenewalsAsync(connection, staging, ct);
            return duplicates + await UnchangedEntriesAsync(connection, staging, ct);
        });
    }

    /// <summary>The second half: adds the aggregates, records the import and commits; <paramref name="repeats"/> is what the first half removed.</summary>
    public static async Task<CommitResult> CommitAsync(DuckDBConnection connection, FactStaging staging, long repeats, CancellationToken ct = default)
    {
        var id = staging.ImportId;
        var lib = staging.LibraryId;
        return await RollingBackOnFailureAsync(connection, staging, async () =>
        {
            // The counts made while writing describe the facts as written: usable only when none was removed.
            var counted = repeats == 0 && staging.MemberCounts?.GaveUp != true && !staging.BranchDays.GaveUp;
            if (counted)
            {
                if (staging.MemberCounts is { } counts)
                {
                    WriteMemberAggregates(connection, lib, counts);
                }

                WriteBranchDays(connection, lib, staging.BranchDays);
            }

            await connection.ExecuteAsync($"""
                DELETE FROM event e WHERE e.library_id = {lib} AND e.import_id <> {id}
                    AND e.event_id IN (SELECT event_id FROM event WHERE import_id = {id});
                DELETE FROM visit v WHERE v.library_id = {lib} AND v.import_id <> {id}
                    AND EXISTS (SELECT 1 FROM visit n WHERE n.import_id = {id} AND n.branch_id = v.branch_id AND n.day = v.day AND n.hour = v.hour);
                {(!counted ? StatisticsSchema.InsertAggregates($"import_id = {id}")
                    : StatisticsSchema.InsertVisitorsAndEvents($"import_id = {id}", visitors: staging.VisitorFactsStaged > 0, events: staging.AttendancesStaged > 0))}
                INSERT INTO import_batch VALUES ({id}, {lib}, now()::TIMESTAMP, {staging.Staged}, {staging.Staged - repeats});
                """, ct);
            await connection.ExecuteAsync("COMMIT", ct);
            staging.IsCommittedOrRolledBack = true;
            return new CommitResult(staging.Staged, staging.Staged - repeats, AlreadyCommitted: false);
        });
    }

    private static async Task<T> RollingBackOnFailureAsync<T>(DuckDBConnection connection, FactStaging staging, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch
        {
            staging.IsCommittedOrRolledBack = true;
            await connection.ExecuteAsync("ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    /// <summary><c>member_month</c> and <c>member_year</c> from the counts (the columns of <see cref="StatisticsSchema.Tables"/>).</summary>
    private static void WriteMemberAggregates(DuckDBConnection connection, short lib, MemberMonthCounts counts)
    {
        using (var months = new VectorAppender(connection, "member_month"))
        {
            foreach (var (member, month, kind, n) in counts.Months())
            {
                months.Set(0, lib);
                months.Set(1, member);
                months.Set(2, VectorAppender.Date(month));
                months.Set(3, (byte)kind);
                months.Set(4, n);
                months.EndRow();
            }

            months.Close();
        }

        using var years = new VectorAppender(connection, "member_year");
        foreach (var y in counts.Years())
        {
            years.Set(0, lib);
            years.Set(1, y.Member);
            years.Set(2, y.Year);
            years.Set(3, y.Loans);
            years.Set(4, y.Renewals);
            years.Set(5, y.Events);
            years.Set(6, y.Wifi);
            years.Set(7, y.Digital);
            years.Set(8, y.Used);
            years.Set(9, y.Borrowed);
            years.Set(10, y.Evented);
            years.Set(11, y.WifiMonths);
            years.Set(12, y.DigitalMonths);
            years.EndRow();
        }

        years.Close();
    }

    /// <summary><c>branch_day</c> from the counts (the columns of <see cref="StatisticsSchema.Tables"/>).</summary>
    private static void WriteBranchDays(DuckDBConnection connection, short lib, BranchDayCounts counts)
    {
        using var rows = new VectorAppender(connection, "branch_day");
        foreach (var (flags, day, n) in counts.Rows())
        {
            var (branch, kind, match, ageBand, type) = StatisticsSchema.BranchDayRow(flags);
            rows.Set(0, lib);
            rows.SetOrNull(1, branch);
            rows.Set(2, VectorAppender.Date(day));
            rows.Set(3, kind);
            rows.Set(4, match);
            rows.SetOrNull(5, ageBand);
            rows.SetOrNull(6, type);
            rows.Set(7, n);
            rows.EndRow();
        }

        rows.Close();
    }

    /// <summary>
    /// Renewals of this import whose key the library holds on another day. A source that keeps one
    /// record per loan (FOLIO's loans, Koha's checkouts) gives only the time of the last renewal
    /// (FOLIO: of the record's last change, a return too), so an export made after a later renewal
    /// dates the earlier ones anew, under the same key (loan and renewal number). The first date
    /// seen, the one nearest the renewal, is kept. A key names one event, so for sources that date
    /// each event (Koha's statistics) a match on another day cannot happen but by a hash collision.
    /// </summary>
    private static async Task<long> RemoveRedatedRenewalsAsync(DuckDBConnection connection, FactStaging staging, CancellationToken ct)
    {
        if (staging.RenewalsStaged == 0)
        {
            return 0;
        }

        var id = staging.ImportId;
        var lib = staging.LibraryId;
        var renewal = (int)FactKind.Renewal;
        var before = await connection.ScalarAsync<long>($"SELECT count(*) FROM fact_row WHERE import_id = {id}", ct);
        await connection.ExecuteAsync($"""
            DELETE FROM fact_row WHERE import_id = {id} AND flags & 255 = {renewal}
                AND key IN (SELECT key FROM fact_row WHERE library_id = {lib} AND import_id <> {id} AND flags & 255 = {renewal});
            DELETE FROM title t WHERE t.library_id = {lib} AND NOT EXISTS (SELECT 1 FROM fact_row f WHERE f.key = t.key AND f.day = t.day AND f.library_id = t.library_id);
            """, ct);
        var after = await connection.ScalarAsync<long>($"SELECT count(*) FROM fact_row WHERE import_id = {id}", ct);
        return before - after;
    }

    /// <summary>
    /// Catalogue entries and door counts of this import that change nothing: all but the last of an
    /// event or an hour the batch repeats (the later replaces the earlier, and is removed here), and
    /// those equal to what the store holds. They count as duplicates, so a rerun reports nothing
    /// loaded; an entry that differs replaces the stored one and counts as loaded.
    /// </summary>
    private static async Task<long> UnchangedEntriesAsync(DuckDBConnection connection, FactStaging staging, CancellationToken ct)
    {
        if (staging.EventsStaged == 0 && staging.VisitsStaged == 0)
        {
            return 0;
        }

        var id = staging.ImportId;
        var lib = staging.LibraryId;
        await connection.ExecuteAsync($"""
            DELETE FROM event WHERE import_id = {id}
                AND rowid NOT IN (SELECT max(rowid) FROM event WHERE import_id = {id} GROUP BY event_id);
            DELETE FROM visit WHERE import_id = {id}
                AND rowid NOT IN (SELECT max(rowid) FROM visit WHERE import_id = {id} GROUP BY branch_id, day, hour);
            """, ct);
        var kept = await connection.ScalarAsync<long>(
            $"SELECT (SELECT count(*) FROM event WHERE import_id = {id}) + (SELECT count(*) FROM visit WHERE import_id = {id})", ct);
        var unchanged = await connection.ScalarAsync<long>($"""
            SELECT (SELECT count(*) FROM event n WHERE n.import_id = {id} AND EXISTS (
                        SELECT 1 FROM event o WHERE o.library_id = {lib} AND o.import_id <> {id} AND o.event_id = n.event_id
                            AND o.title = n.title AND o.category = n.category AND o.audience = n.audience AND o.starts_at = n.starts_at
                            AND o.branch_id IS NOT DISTINCT FROM n.branch_id))
                 + (SELECT count(*) FROM visit n WHERE n.import_id = {id} AND EXISTS (
                        SELECT 1 FROM visit o WHERE o.library_id = {lib} AND o.import_id <> {id}
                            AND o.branch_id = n.branch_id AND o.day = n.day AND o.hour = n.hour AND o.count = n.count))
            """, ct);
        return staging.EventsStaged + staging.VisitsStaged - kept + unchanged;
    }

    /// <summary>
    /// Facts of this import whose key the library holds on the same day from an earlier import,
    /// and all but the first of keys the import repeats. When no earlier import has facts in the
    /// import's days, only the key filter's candidates are checked; else (or when the filter listed
    /// too many to keep) one grouping over those days.
    /// </summary>
    private static async Task<long> RemoveDuplicatesAsync(DuckDBConnection connection, FactStaging staging, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var id = staging.ImportId;
        var lib = staging.LibraryId;
        var range = $"library_id = {lib} AND day BETWEEN DATE '{first:yyyy-MM-dd}' AND DATE '{last:yyyy-MM-dd}'";
        var overlaps = await connection.ScalarAsync<long>($"SELECT count(*) FROM (SELECT 1 FROM fact_row WHERE {range} AND import_id <> {id} LIMIT 1)", ct) > 0;
        if (!overlaps && !staging.Filter.Overflowed && staging.Filter.Candidates.Count == 0)
        {
            return 0;
        }

        string scope;
        if (overlaps || staging.Filter.Overflowed)
        {
            scope = $"SELECT key, day, import_id FROM fact_row WHERE {range}";
        }
        else
        {
            await connection.ExecuteAsync("CREATE OR REPLACE TEMP TABLE candidate_key (key BIGINT, day DATE)", ct);
            using (var appender = connection.CreateAppender("candidate_key"))
            {
                foreach (var (key, day) in staging.Filter.Candidates)
                {
                    appender.CreateRow().AppendValue(key).AppendValue(day).EndRow();
                }
            }

            scope = $"SELECT f.key, f.day, f.import_id FROM fact_row f SEMI JOIN candidate_key c ON c.key = f.key AND c.day = f.day WHERE f.import_id = {id}";
        }

        await connection.ExecuteAsync($"""
            CREATE OR REPLACE TEMP TABLE duplicate_key AS
                SELECT key, day, bool_or(import_id <> {id}) AS elsewhere
                FROM ({scope}) GROUP BY key, day HAVING count(*) > 1;
            """, ct);
        var found = await connection.ScalarAsync<long>("SELECT count(*) FROM duplicate_key", ct);
        if (found == 0)
        {
            return 0;
        }

        var before = await connection.ScalarAsync<long>($"SELECT count(*) FROM fact_row WHERE import_id = {id}", ct);
        await connection.ExecuteAsync($"""
            DELETE FROM fact_row WHERE rowid IN (
                SELECT rowid FROM (
                    SELECT f.rowid, d.elsewhere, row_number() OVER (PARTITION BY f.key, f.day ORDER BY f.rowid) AS n
                    FROM fact_row f JOIN duplicate_key d ON d.key = f.key AND d.day = f.day
                    WHERE f.import_id = {id} AND f.library_id = {lib})
                WHERE elsewhere OR n > 1);
            DELETE FROM title t WHERE t.library_id = {lib} AND NOT EXISTS (SELECT 1 FROM fact_row f WHERE f.key = t.key AND f.day = t.day AND f.library_id = t.library_id);
            DROP TABLE duplicate_key;
            """, ct);
        var after = await connection.ScalarAsync<long>($"SELECT count(*) FROM fact_row WHERE import_id = {id}", ct);
        return before - after;
    }

    /// <summary>Whether an import reached the store (used to finish the register's record after a crash).</summary>
    public static async Task<bool> IsCommittedAsync(DuckDBConnection connection, long importId, CancellationToken ct = default) =>
        await connection.ScalarAsync<long>($"SELECT count(*) FROM import_batch WHERE import_id = {importId}", ct) == 1;
}
