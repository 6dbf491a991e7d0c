using System.Data.Common;
using Medlem.Core.Data;

namespace Medlem.Core.Activity.Importing;

/// <summary>A membership as the member index needs it: ids, the holder's birth date, the type, and the register's activity summary.</summary>
internal readonly record struct MemberRow(
    Guid Id, Guid PersonId, Guid Pseudonym, DateOnly BirthDate, short TypeId, DateOnly? LastUsedOn, int LoansLast12Months, DateOnly? ActivityAsOf);

/// <summary>
/// The register's rows a library's member index is made of: its memberships (in the table's
/// order) and, when asked, the library system's ids linked to them. Plain SQL over a connection:
/// EF Core's query pipeline and materialisation took 2.5 s for the 300,000 memberships of a large
/// library, a data reader a fraction, and it needs no EF Core model (so the command line can start
/// it before EF Core has started, <see cref="MemberPreload"/>). The columns are the model's
/// (Members/MembersConfiguration.cs); both providers read them the same way.
/// </summary>
/// <param name="LibraryId">The library.</param>
/// <param name="Memberships">Its memberships in the table's order.</param>
/// <param name="LinksOf">The library system whose ids <paramref name="Links"/> holds; null when none were read.</param>
/// <param name="Links">The library system's ids and the memberships they are linked to.</param>
internal sealed record MemberRows(int LibraryId, List<MemberRow> Memberships, ImportFormat? LinksOf, List<(string ExternalId, Guid Membership)> Links)
{
    // A membership whose processing is limited is not matched: its use counts as an unknown visitor's.
    private static readonly string MembersSql = $"""
        SELECT m."Id", m."PersonId", m."Pseudonym", p."BirthDate", m."MembershipTypeId", m."LastUsedOn", m."LoansLast12Months", m."ActivityAsOf"
        FROM "Memberships" m JOIN "People" p ON p."Id" = m."PersonId"
        WHERE m."LibraryId" = @library AND m."Limit" = {(int)Privacy.Restriction.ProcessingLimit.None}
        """;

    /// <summary>
    /// Reads the rows. With a <paramref name="second"/> connection (a SQLite file) the memberships
    /// are read in two halves at once, the second half and the links on that connection: reading
    /// and parsing 300,000 rows is most of an index's time, and the other core would wait meanwhile.
    /// </summary>
    public static async Task<MemberRows> ReadAsync(DbConnection first, DbConnection? second, int libraryId, ImportFormat? linksOf, CancellationToken ct)
    {
        if (second is null)
        {
            var all = await MembershipsAsync(first, MembersSql, libraryId, ct);
            return new MemberRows(libraryId, all, linksOf, linksOf is { } system ? await LinksAsync(first, libraryId, system, ct) : []);
        }

        var middle = 0L;
        await QueryAsync(first, """SELECT coalesce((min(rowid) + max(rowid)) / 2, 0) FROM "Memberships" WHERE "LibraryId" = @library""", libraryId, r => middle = r.GetInt64(0), ct);
        var upper = Task.Run(async () => (
            Rows: await MembershipsAsync(second, $"{MembersSql} AND m.rowid > {middle}", libraryId, ct),
            Links: linksOf is { } system ? await LinksAsync(second, libraryId, system, ct) : []), ct);
        try
        {
            var rows = await MembershipsAsync(first, $"{MembersSql} AND m.rowid <= {middle}", libraryId, ct);
            var (upperRows, links) = await upper;
            rows.AddRange(upperRows);
            return new MemberRows(libraryId, rows, linksOf, links);
        }
        finally
        {
            // The second connection is closed by the caller only when its reading has ended (here, or by a failure of the first).
            await upper.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public static async Task<List<(string ExternalId, Guid Membership)>> LinksAsync(DbConnection connection, int libraryId, ImportFormat system, CancellationToken ct)
    {
        var links = new List<(string, Guid)>();
        await QueryAsync(connection, $"""SELECT "ExternalId", "MembershipId" FROM "SourceIdentities" WHERE "LibraryId" = @library AND "System" = {(int)system}""", libraryId,
            r => links.Add((r.GetString(0), RegisterSql.GuidAt(r, 1))), ct);
        return links;
    }

    public static async Task QueryAsync(DbConnection connection, string sql, int libraryId, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        RegisterSql.Parameter(command, "@library", libraryId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    private static async Task<List<MemberRow>> MembershipsAsync(DbConnection connection, string sql, int libraryId, CancellationToken ct)
    {
        var rows = new List<MemberRow>();
        await QueryAsync(connection, sql, libraryId, r => rows.Add(new MemberRow(
            RegisterSql.GuidAt(r, 0), RegisterSql.GuidAt(r, 1), RegisterSql.GuidAt(r, 2), RegisterSql.DateAt(r, 3), (short)r.GetInt32(4),
            RegisterSql.DateOrNullAt(r, 5), r.GetInt32(6), RegisterSql.DateOrNullAt(r, 7))), ct);
        return rows;
    }
}
