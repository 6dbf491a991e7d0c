using System.Globalization;
using DuckDB.NET.Data;

namespace Medlem.Statistics.Privacy;

/// <summary>One fact as a member may see it in an access export: no key, no numbers of the store.</summary>
public sealed record MemberFact(
    Guid Pseudonym, DateOnly Day, FactKind Kind, short? BranchId, string? Media, string? Category, string? EventId, int? Minutes, string? Title);

/// <summary>
/// The link between a membership's pseudonym and the facts that refer to it: read for an access
/// export (GDPR art. 15), broken for an erasure (art. 17). Breaking it deletes the <c>member</c> row
/// (pseudonym → number), the membership's <c>roster</c> row and the titles kept for its facts; the
/// facts and the aggregates stay, under a number that no longer leads to anyone, so every figure
/// stays true.
/// </summary>
public static class MemberLinks
{
    /// <summary>The facts of these pseudonyms in one library, oldest first, with kept titles.</summary>
    public static async Task<List<MemberFact>> FactsAsync(DuckDBConnection connection, short libraryId, IReadOnlyCollection<Guid> pseudonyms, CancellationToken ct = default)
    {
        if (pseudonyms.Count == 0)
        {
            return [];
        }

        return await connection.QueryAsync(
            $"""
            SELECT m.pseudonym, f.day, f.kind, f.branch_id, f.media, f.category, f.event_id, f.minutes, c.text
            FROM member m
            JOIN fact f ON f.library_id = m.library_id AND f.member = m.member_id
            LEFT JOIN title t ON t.key = f.key AND t.day = f.day AND t.library_id = f.library_id
            LEFT JOIN code c ON c.code = t.title
            WHERE m.library_id = {libraryId} AND m.pseudonym IN ({InList(pseudonyms)})
            ORDER BY f.day, f.kind, f.key
            """,
            r => new MemberFact(
                r.GetGuid(0), DateOnly.FromDateTime(r.GetDateTime(1)), (FactKind)r.GetByte(2), r.IsDBNull(3) ? null : r.GetInt16(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8)),
            ct);
    }

    /// <summary>
    /// Breaks the link of these pseudonyms in one transaction: their titles, roster rows and
    /// <c>member</c> rows go; the facts stay. Safe to run again (nothing left to delete). Returns how
    /// many pseudonyms the store knew. The caller MUST keep imports and roster copies out meanwhile
    /// (they would give a pseudonym still in the register a number again).
    /// </summary>
    public static async Task<int> BreakAsync(DuckDBConnection connection, short libraryId, IReadOnlyCollection<Guid> pseudonyms, CancellationToken ct = default)
    {
        if (pseudonyms.Count == 0)
        {
            return 0;
        }

        var numbers = $"SELECT member_id FROM member WHERE library_id = {libraryId} AND pseudonym IN ({InList(pseudonyms)})";
        int known;
        await connection.ExecuteAsync("BEGIN TRANSACTION", ct);
        try
        {
            known = await connection.ScalarAsync<int>($"SELECT count(*) FROM ({numbers})", ct);
            await connection.ExecuteAsync(
                $"""
                DELETE FROM title t WHERE t.library_id = {libraryId} AND EXISTS (
                    SELECT 1 FROM fact_row f WHERE f.key = t.key AND f.day = t.day AND f.library_id = t.library_id
                    AND (f.flags >> 8) & 15 = 1 AND f.who IN ({numbers}));
                DELETE FROM roster WHERE library_id = {libraryId} AND member IN ({numbers});
                DELETE FROM member WHERE library_id = {libraryId} AND pseudonym IN ({InList(pseudonyms)});
                """,
                ct);
            await connection.ExecuteAsync("COMMIT", ct);
        }
        catch
        {
            await connection.ExecuteAsync("ROLLBACK", CancellationToken.None);
            throw;
        }

        await CheckpointAsync(connection, ct);
        return known;
    }

    /// <summary>
    /// Deleted rows stay in the write-ahead log until a checkpoint writes the tables anew. Best
    /// effort: DuckDB refuses while another connection's transaction is open (and FORCE would abort
    /// that transaction), and it checkpoints by itself once the log grows.
    /// </summary>
    private static async Task CheckpointAsync(DuckDBConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.ExecuteAsync("CHECKPOINT", ct);
        }
        catch (DuckDBException)
        {
            // Left to DuckDB's automatic checkpoint; the rows are already invisible to every query.
        }
    }

    /// <summary>Guids are written as literals: they are parsed values, never text from outside.</summary>
    internal static string InList(IEnumerable<Guid> pseudonyms) =>
        string.Join(", ", pseudonyms.Select(p => "'" + p.ToString("D", CultureInfo.InvariantCulture) + "'::UUID"));
}
