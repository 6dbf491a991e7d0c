using DuckDB.NET.Data;

namespace Medlem.Statistics;

/// <summary>The titles kept for members who keep a reading history (the <c>title</c> table).</summary>
public static class ReadingHistory
{
    /// <summary>
    /// Deletes every title kept for the membership with <paramref name="pseudonym"/>: its loans
    /// and renewals stay as counted facts, only which title they were is forgotten. Returns how many.
    /// </summary>
    public static async Task<long> ForgetAsync(DuckDBConnection connection, short libraryId, Guid pseudonym, CancellationToken ct = default)
    {
        var members = await connection.QueryAsync(
            $"SELECT member_id FROM member WHERE library_id = {libraryId} AND pseudonym = '{pseudonym}'", r => r.GetInt32(0), ct);
        if (members.Count == 0)
        {
            return 0;
        }

        var before = await connection.ScalarAsync<long>($"SELECT count(*) FROM title WHERE library_id = {libraryId}", ct);
        await connection.ExecuteAsync($"""
            DELETE FROM title t WHERE t.library_id = {libraryId} AND EXISTS (
                SELECT 1 FROM fact_row f
                WHERE f.key = t.key AND f.day = t.day AND f.library_id = t.library_id
                  AND (f.flags >> 8) & 15 = 1 AND f.who IN ({string.Join(", ", members)}))
            """, ct);
        return before - await connection.ScalarAsync<long>($"SELECT count(*) FROM title WHERE library_id = {libraryId}", ct);
    }

    /// <summary>
    /// Deletes the titles of every member of the library except those with <paramref name="keeping"/>
    /// pseudonyms (or only counts them, for a dry run). Returns how many.
    /// </summary>
    public static async Task<long> ForgetAllButAsync(DuckDBConnection connection, short libraryId, IReadOnlyCollection<Guid> keeping, bool dryRun, CancellationToken ct = default)
    {
        await connection.ExecuteAsync("CREATE OR REPLACE TEMP TABLE keeping (pseudonym UUID)", ct);
        using (var appender = connection.CreateAppender("keeping"))
        {
            foreach (var pseudonym in keeping)
            {
                appender.CreateRow().AppendValue(pseudonym).EndRow();
            }
        }

        var unwanted = $"""
            FROM title t WHERE t.library_id = {libraryId} AND NOT EXISTS (
                SELECT 1 FROM fact_row f JOIN member m ON m.member_id = f.who AND m.library_id = f.library_id
                JOIN keeping k ON k.pseudonym = m.pseudonym
                WHERE f.key = t.key AND f.day = t.day AND f.library_id = t.library_id AND (f.flags >> 8) & 15 = 1)
            """;
        var count = await connection.ScalarAsync<long>($"SELECT count(*) {unwanted}", ct);
        if (!dryRun && count > 0)
        {
            await connection.ExecuteAsync($"DELETE {unwanted}", ct);
        }

        await connection.ExecuteAsync("DROP TABLE keeping", ct);
        return count;
    }
}

