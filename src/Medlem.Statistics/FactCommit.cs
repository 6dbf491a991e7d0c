using DuckDB.NET.Data;

namespace Medlem.Statistics;

/// <summary>What committing an import's staging did.</summary>
/// <param name="Staged">Rows staged: facts, catalogue entries and counts.</param>
/// <param name="Loaded">Rows that were new: <c>Staged - Loaded</c> were already in the store or repeated in the batch.</param>
/// <param name="AlreadyCommitted">The import had been committed before (a rerun after a crash between the two stores).</param>
public sealed record CommitResult(long Staged, long Loaded, bool AlreadyCommitted)
{
    public long Duplicates => Staged - Loaded;
}

/// <summary>
/// Moves one import's staging into the store in one DuckDB transaction: facts whose key is not
/// yet stored (so the same file twice, or overlapping exports, change nothing), the event
/// catalogue and door counts replacing earlier entries with the same natural key, and the
/// aggregates recomputed for the months and days the new facts touch. The import is recorded
/// in <c>import_batch</c> in the same transaction, so a commit either happened whole or not at all.
/// </summary>
public static class FactCommit
{
    public static async Task<CommitResult> CommitAsync(DuckDBConnection connection, long importId, short libraryId, CancellationToken ct = default)
    {
        var earlier = await connection.QueryAsync(
            $"SELECT staged, loaded FROM import_batch WHERE import_id = {importId}",
            r => new CommitResult(r.GetInt64(0), r.GetInt64(1), AlreadyCommitted: true), ct);
        if (earlier.Count == 1)
        {
            return earlier[0];
        }

        var fact = StatisticsSchema.StagingFact(importId);
        var evt = StatisticsSchema.StagingEvent(importId);
        var visit = StatisticsSchema.StagingVisit(importId);
        var newFact = $"new_fact_{importId}";
        var lib = libraryId;

        await connection.ExecuteAsync("BEGIN TRANSACTION", ct);
        try
        {
            await connection.ExecuteAsync($"""
                CREATE TEMP TABLE {newFact} AS
                    SELECT DISTINCT ON (key) * FROM {fact} s
                    WHERE NOT EXISTS (SELECT 1 FROM fact f WHERE f.library_id = {lib} AND f.key = s.key);
                INSERT INTO fact SELECT * FROM {newFact};

                DELETE FROM event WHERE library_id = {lib} AND event_id IN (SELECT event_id FROM {evt});
                INSERT INTO event SELECT DISTINCT ON (event_id) * FROM {evt};

                DELETE FROM visit v USING {visit} s
                    WHERE v.library_id = {lib} AND v.branch_id = s.branch_id AND v.day = s.day AND v.hour = s.hour;
                INSERT INTO visit SELECT DISTINCT ON (branch_id, day, hour) * FROM {visit};

                DELETE FROM member_month WHERE library_id = {lib}
                    AND month IN (SELECT DISTINCT date_trunc('month', day)::DATE FROM {newFact});
                INSERT INTO member_month
                    SELECT library_id, member, date_trunc('month', day)::DATE AS month, kind, count(*)::INTEGER
                    FROM fact
                    WHERE library_id = {lib} AND member IS NOT NULL
                      AND date_trunc('month', day)::DATE IN (SELECT DISTINCT date_trunc('month', day)::DATE FROM {newFact})
                    GROUP BY ALL;

                DELETE FROM branch_day WHERE library_id = {lib} AND day IN (SELECT DISTINCT day FROM {newFact});
                INSERT INTO branch_day
                    SELECT library_id, branch_id, day, kind, match, age_band, membership_type_id, count(*)::INTEGER,
                        (count(DISTINCT coalesce(member, visitor)) + count(*) FILTER (WHERE member IS NULL AND visitor IS NULL))::INTEGER
                    FROM fact
                    WHERE library_id = {lib} AND day IN (SELECT DISTINCT day FROM {newFact})
                    GROUP BY ALL;
                """, ct);

            var staged = await connection.ScalarAsync<long>(
                $"SELECT (SELECT count(*) FROM {fact}) + (SELECT count(*) FROM {evt}) + (SELECT count(*) FROM {visit})", ct);
            var loaded = await connection.ScalarAsync<long>(
                $"SELECT (SELECT count(*) FROM {newFact}) + (SELECT count(DISTINCT event_id) FROM {evt}) + (SELECT count(*) FROM (SELECT DISTINCT branch_id, day, hour FROM {visit}))", ct);

            await connection.ExecuteAsync($"""
                INSERT INTO import_batch VALUES ({importId}, {lib}, now()::TIMESTAMP, {staged}, {loaded});
                DROP TABLE {newFact};
                DROP TABLE {fact};
                DROP TABLE {evt};
                DROP TABLE {visit};
                COMMIT;
                """, ct);
            return new CommitResult(staged, loaded, AlreadyCommitted: false);
        }
        catch
        {
            await connection.ExecuteAsync("ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    /// <summary>Whether an import reached the store (used to finish the register's record after a crash).</summary>
    public static async Task<bool> IsCommittedAsync(DuckDBConnection connection, long importId, CancellationToken ct = default) =>
        await connection.ScalarAsync<long>($"SELECT count(*) FROM import_batch WHERE import_id = {importId}", ct) == 1;
}
