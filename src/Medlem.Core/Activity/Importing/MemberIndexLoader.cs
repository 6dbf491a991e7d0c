using System.Data.Common;
using Medlem.Core.Activity.Mapping;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Activity.Importing;

/// <summary>The register's activity summary of a membership as the import found it.</summary>
internal sealed record RegisterSummary(Guid MembershipId, DateOnly? LastUsedOn, int LoansLast12Months, DateOnly? ActivityAsOf);

/// <summary>
/// Reads a library's members once per import into memory. Plain SQL over the context's
/// connection: EF Core's query pipeline and materialisation took 2.5 s for the 300,000
/// memberships, cards and library-system ids of a large library; a data reader takes a fraction.
/// The columns are the model's (Members/MembersConfiguration.cs); both providers read them the same way.
/// Only the references the file can hold are read (<see cref="RowMapper.References"/>). From a
/// SQLite file the memberships are read in two halves at once, the second half and the
/// library-system ids on a connection of its own: reading and parsing 300,000 rows is most of the
/// index's time, and the other core would wait meanwhile.
/// </summary>
internal static class MemberIndexLoader
{
    // A membership whose processing is limited is not matched: its use counts as an unknown visitor's.
    private static readonly string MembersSql = $"""
        SELECT m."Id", m."PersonId", m."Pseudonym", p."BirthDate", m."MembershipTypeId", m."LastUsedOn", m."LoansLast12Months", m."ActivityAsOf"
        FROM "Memberships" m JOIN "People" p ON p."Id" = m."PersonId"
        WHERE m."LibraryId" = @library AND m."Limit" = {(int)Privacy.Restriction.ProcessingLimit.None}
        """;

    public static async Task<(MemberIndex Index, Dictionary<int, RegisterSummary> Summaries)> LoadAsync(
        MedlemDbContext db, int libraryId, ImportFormat system, MemberReferences references, StatisticsNumbers numbers, CancellationToken ct)
    {
        // Titles are kept only for members whose reading-history consent counts today.
        var keeping = await Privacy.Consents.Consents.KeepingReadingHistoryAsync(db, Privacy.Consents.ConsentTexts.Default, libraryId, ct);
        var emails = references.HasFlag(MemberReferences.Email);
        var sourceIds = references.HasFlag(MemberReferences.SourceId);
        await db.Database.OpenConnectionAsync(ct);
        Task<(List<MemberRow> Members, List<(string ExternalId, Guid Membership)> Links)>? upper = null;
        await using var second = await SecondConnectionAsync(db, ct);
        try
        {
            var connection = db.Database.GetDbConnection();

            // Sized up front: growing dictionaries of 300,000 entries rehashes them several times over.
            var count = 0;
            await ReadAsync(connection, """SELECT count(*) FROM "Memberships" WHERE "LibraryId" = @library""", libraryId, r => count = r.GetInt32(0), ct);
            var byKeys = (references & (MemberReferences.Card | MemberReferences.SourceId)) != 0;
            var byId = new Dictionary<Guid, MemberRef>(byKeys ? count : 0);
            var byPerson = new Dictionary<Guid, MemberRef>(emails ? count : 0);
            var summaries = new Dictionary<int, RegisterSummary>(count);
            var byCard = new Dictionary<string, MemberRef>(references.HasFlag(MemberReferences.Card) ? count : 0, StringComparer.Ordinal);
            var bySourceId = new Dictionary<string, MemberRef>(sourceIds && system != ImportFormat.Medlem ? count : 0, StringComparer.Ordinal);
            var byEmail = new Dictionary<string, MemberRef>(StringComparer.Ordinal);

            var lowerSql = MembersSql;
            if (second is not null)
            {
                var middle = 0L;
                await ReadAsync(connection, """SELECT coalesce((min(rowid) + max(rowid)) / 2, 0) FROM "Memberships" WHERE "LibraryId" = @library""", libraryId, r => middle = r.GetInt64(0), ct);
                lowerSql = $"{MembersSql} AND m.rowid <= {middle}";
                upper = Task.Run(async () => (
                    await MemberRowsAsync(second, $"{MembersSql} AND m.rowid > {middle}", libraryId, emails, ct),
                    sourceIds ? await LinkRowsAsync(second, libraryId, system, ct) : []), ct);
            }

            // Numbers for new pseudonyms are given in the table's order, as from one query.
            void Index(List<MemberRow> rows)
            {
                foreach (var row in rows)
                {
                    var member = new MemberRef(row.Id, row.BirthDate, row.TypeId, keeping.Contains(row.Id), numbers.Member(row.Pseudonym));
                    if (byKeys)
                    {
                        byId[row.Id] = member;
                    }

                    if (emails)
                    {
                        byPerson.TryAdd(row.PersonId, member);
                    }

                    summaries[member.Number] = new RegisterSummary(row.Id, row.LastUsedOn, row.LoansLast12Months, row.ActivityAsOf);
                }
            }

            Index(await MemberRowsAsync(connection, lowerSql, libraryId, emails, ct));
            List<(string ExternalId, Guid Membership)> links = [];
            if (upper is not null)
            {
                (var rows, links) = await upper;
                Index(rows);
            }
            else if (sourceIds)
            {
                links = await LinkRowsAsync(connection, libraryId, system, ct);
            }

            foreach (var (externalId, membership) in links)
            {
                if (byId.TryGetValue(membership, out var member))
                {
                    bySourceId[externalId] = member;
                }
            }

            if (references.HasFlag(MemberReferences.Card))
            {
                await ReadAsync(connection, """SELECT "Number", "MembershipId" FROM "Cards" WHERE "LibraryId" = @library""", libraryId, r =>
                {
                    if (byId.TryGetValue(RegisterSql.GuidAt(r, 1), out var member))
                    {
                        byCard[r.GetString(0)] = member;
                    }
                }, ct);
            }

            if (emails)
            {
                await ReadAsync(connection, $"""
                    SELECT c."Value", c."PersonId" FROM "ContactPoints" c
                    WHERE c."Kind" = {(int)ContactKind.Email}
                      AND EXISTS (SELECT 1 FROM "Memberships" m WHERE m."LibraryId" = @library AND m."PersonId" = c."PersonId")
                    """, libraryId, r =>
                    {
                        if (byPerson.TryGetValue(RegisterSql.GuidAt(r, 1), out var member))
                        {
                            byEmail[r.GetString(0)] = member;
                        }
                    }, ct);
            }

            return (new MemberIndex(bySourceId, byCard, byEmail), summaries);
        }
        finally
        {
            if (upper is not null)
            {
                // The second connection is closed only when its reading has ended (here, or by a failure of the first).
                await upper.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private readonly record struct MemberRow(
        Guid Id, Guid PersonId, Guid Pseudonym, DateOnly BirthDate, short TypeId, DateOnly? LastUsedOn, int LoansLast12Months, DateOnly? ActivityAsOf);

    /// <summary>A second connection to the register when it is a SQLite file (not one in memory, which only its own connection sees); else null.</summary>
    private static async Task<DbConnection?> SecondConnectionAsync(MedlemDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) != true || connection.DataSource is "" or ":memory:")
        {
            return null;
        }

        // Core names no provider: the second connection is another of the same type, to the same file.
        var second = (DbConnection)Activator.CreateInstance(connection.GetType())!;
        second.ConnectionString = connection.ConnectionString;
        await second.OpenAsync(ct);
        return second;
    }

    private static async Task<List<MemberRow>> MemberRowsAsync(DbConnection connection, string sql, int libraryId, bool person, CancellationToken ct)
    {
        var rows = new List<MemberRow>();
        await ReadAsync(connection, sql, libraryId, r => rows.Add(new MemberRow(
            RegisterSql.GuidAt(r, 0), person ? RegisterSql.GuidAt(r, 1) : default, RegisterSql.GuidAt(r, 2), RegisterSql.DateAt(r, 3), (short)r.GetInt32(4),
            RegisterSql.DateOrNullAt(r, 5), r.GetInt32(6), RegisterSql.DateOrNullAt(r, 7))), ct);
        return rows;
    }

    private static async Task<List<(string ExternalId, Guid Membership)>> LinkRowsAsync(DbConnection connection, int libraryId, ImportFormat system, CancellationToken ct)
    {
        var links = new List<(string, Guid)>();
        await ReadAsync(connection, $"""SELECT "ExternalId", "MembershipId" FROM "SourceIdentities" WHERE "LibraryId" = @library AND "System" = {(int)system}""", libraryId,
            r => links.Add((r.GetString(0), RegisterSql.GuidAt(r, 1))), ct);
        return links;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, int libraryId, Action<DbDataReader> row, CancellationToken ct)
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
}
