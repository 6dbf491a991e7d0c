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
/// Only the references the file can hold are read (<see cref="RowMapper.References"/>).
/// </summary>
internal static class MemberIndexLoader
{
    public static async Task<(MemberIndex Index, Dictionary<int, RegisterSummary> Summaries)> LoadAsync(
        MedlemDbContext db, int libraryId, ImportFormat system, MemberReferences references, StatisticsNumbers numbers, CancellationToken ct)
    {
        // Titles are kept only for members whose reading-history consent counts today.
        var keeping = await Privacy.Consents.Consents.KeepingReadingHistoryAsync(db, Privacy.Consents.ConsentTexts.Default, libraryId, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();

            // Sized up front: growing dictionaries of 300,000 entries rehashes them several times over.
            var count = 0;
            await ReadAsync(connection, """SELECT count(*) FROM "Memberships" WHERE "LibraryId" = @library""", libraryId, r => count = r.GetInt32(0), ct);
            var byKeys = (references & (MemberReferences.Card | MemberReferences.SourceId)) != 0;
            var byId = new Dictionary<Guid, MemberRef>(byKeys ? count : 0);
            var byPerson = new Dictionary<Guid, MemberRef>(references.HasFlag(MemberReferences.Email) ? count : 0);
            var summaries = new Dictionary<int, RegisterSummary>(count);
            var byCard = new Dictionary<string, MemberRef>(references.HasFlag(MemberReferences.Card) ? count : 0, StringComparer.Ordinal);
            var bySourceId = new Dictionary<string, MemberRef>(references.HasFlag(MemberReferences.SourceId) && system != ImportFormat.Medlem ? count : 0, StringComparer.Ordinal);
            var byEmail = new Dictionary<string, MemberRef>(StringComparer.Ordinal);

            // A membership whose processing is limited is not matched: its use counts as an unknown visitor's.
            await ReadAsync(connection, $"""
                SELECT m."Id", m."PersonId", m."Pseudonym", p."BirthDate", m."MembershipTypeId", m."LastUsedOn", m."LoansLast12Months", m."ActivityAsOf"
                FROM "Memberships" m JOIN "People" p ON p."Id" = m."PersonId"
                WHERE m."LibraryId" = @library AND m."Limit" = {(int)Privacy.Restriction.ProcessingLimit.None}
                """, libraryId, r =>
                {
                    var id = RegisterSql.GuidAt(r, 0);
                    var pseudonym = RegisterSql.GuidAt(r, 2);
                    var member = new MemberRef(id, RegisterSql.DateAt(r, 3), (short)r.GetInt32(4), keeping.Contains(id), numbers.Member(pseudonym));
                    if (byKeys)
                    {
                        byId[id] = member;
                    }

                    if (references.HasFlag(MemberReferences.Email))
                    {
                        byPerson.TryAdd(RegisterSql.GuidAt(r, 1), member);
                    }

                    summaries[member.Number] = new RegisterSummary(id, RegisterSql.DateOrNullAt(r, 5), r.GetInt32(6), RegisterSql.DateOrNullAt(r, 7));
                }, ct);

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

            if (references.HasFlag(MemberReferences.SourceId))
            {
                await ReadAsync(connection, $"""SELECT "ExternalId", "MembershipId" FROM "SourceIdentities" WHERE "LibraryId" = @library AND "System" = {(int)system}""", libraryId, r =>
                {
                    if (byId.TryGetValue(RegisterSql.GuidAt(r, 1), out var member))
                    {
                        bySourceId[r.GetString(0)] = member;
                    }
                }, ct);
            }

            if (!references.HasFlag(MemberReferences.Email))
            {
                return (new MemberIndex(bySourceId, byCard, byEmail), summaries);
            }

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

            return (new MemberIndex(bySourceId, byCard, byEmail), summaries);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
