using System.Globalization;
using DuckDB.NET.Data;

namespace Medlem.Statistics.Privacy;

/// <summary>How many facts of one kind a membership has in one month: the member's own count.</summary>
public sealed record MemberMonthCount(Guid Pseudonym, DateOnly Month, FactKind Kind, int Count);

/// <summary>
/// An event a membership has an attendance fact for, with what the catalogue says of it. The
/// catalogue may lack it (never imported, or replaced): then only the source's id and the day are known.
/// </summary>
public sealed record MemberEvent(Guid Pseudonym, string EventId, DateOnly Day, string? Title, string? Category, DateTime? StartsAt, short? BranchId);

/// <summary>
/// A member's own activity as they see it on "Min side": counts per month and the events they
/// came to, read through their memberships' pseudonyms. These figures are about the member and
/// shown only to the member, so no small-count suppression applies (DESIGN.md §4 suppresses
/// figures about others). The caller MUST pass only the signed-in member's own pseudonyms.
/// </summary>
public static class MemberActivity
{
    /// <summary>
    /// Facts per membership, month and kind from <paramref name="fromMonth"/> on (its first day),
    /// read from the per-member monthly aggregate the imports keep (one partial per import, summed).
    /// </summary>
    public static async Task<List<MemberMonthCount>> MonthlyAsync(
        DuckDBConnection connection, short libraryId, IReadOnlyCollection<Guid> pseudonyms, DateOnly fromMonth, CancellationToken ct = default)
    {
        if (pseudonyms.Count == 0)
        {
            return [];
        }

        var from = new DateOnly(fromMonth.Year, fromMonth.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await connection.QueryAsync(
            $"""
            SELECT m.pseudonym, a.month, a.kind, sum(a.n)::INTEGER
            FROM member m
            JOIN member_month a ON a.library_id = m.library_id AND a.member = m.member_id
            WHERE m.library_id = {libraryId} AND m.pseudonym IN ({MemberLinks.InList(pseudonyms)}) AND a.month >= DATE '{from}'
            GROUP BY ALL
            ORDER BY 2, 3
            """,
            r => new MemberMonthCount(r.GetGuid(0), DateOnly.FromDateTime(r.GetDateTime(1)), (FactKind)r.GetByte(2), r.GetInt32(3)),
            ct);
    }

    /// <summary>The events these memberships have attendance facts for, the latest first.</summary>
    public static async Task<List<MemberEvent>> EventsAsync(
        DuckDBConnection connection, short libraryId, IReadOnlyCollection<Guid> pseudonyms, CancellationToken ct = default)
    {
        if (pseudonyms.Count == 0)
        {
            return [];
        }

        return await connection.QueryAsync(
            $"""
            SELECT m.pseudonym, f.event_id, f.day, e.title, e.category, e.starts_at, coalesce(e.branch_id, f.branch_id)
            FROM member m
            JOIN fact f ON f.library_id = m.library_id AND f.member = m.member_id AND f.kind = {(byte)FactKind.EventAttendance}
            LEFT JOIN event e ON e.library_id = f.library_id AND e.event_id = f.event_id
            WHERE m.library_id = {libraryId} AND m.pseudonym IN ({MemberLinks.InList(pseudonyms)}) AND f.event_id IS NOT NULL
            ORDER BY coalesce(e.starts_at, f.day::TIMESTAMP) DESC, f.event_id
            """,
            r => new MemberEvent(
                r.GetGuid(0), r.GetString(1), DateOnly.FromDateTime(r.GetDateTime(2)), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetDateTime(5), r.IsDBNull(6) ? null : r.GetInt16(6)),
            ct);
    }
}
