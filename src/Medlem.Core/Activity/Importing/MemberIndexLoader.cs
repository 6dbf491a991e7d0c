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
/// Makes a library's member index once per import: the memberships and library-system ids
/// (<see cref="MemberRows"/>, read here or already by a <see cref="MemberPreload"/>), then the cards
/// and e-mails when the file's columns can hold them (<see cref="RowMapper.References"/>).
/// </summary>
internal static class MemberIndexLoader
{
    public static async Task<(MemberIndex Index, Dictionary<int, RegisterSummary> Summaries)> LoadAsync(
        MedlemDbContext db, int libraryId, ImportFormat system, MemberReferences references, StatisticsNumbers numbers, MemberPreload? preload, CancellationToken ct)
    {
        // Titles are kept only for members whose reading-history consent counts today.
        var keeping = await Privacy.Consents.Consents.KeepingReadingHistoryAsync(db, Privacy.Consents.ConsentTexts.Default, libraryId, ct);
        var emails = references.HasFlag(MemberReferences.Email);
        var sourceIds = references.HasFlag(MemberReferences.SourceId);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var rows = preload is null ? null : await preload.TakeAsync(libraryId);
            if (rows is null)
            {
                await using var second = await SecondConnectionAsync(db, ct);
                rows = await MemberRows.ReadAsync(connection, second, libraryId, sourceIds ? system : null, ct);
            }

            var links = !sourceIds ? [] : rows.LinksOf == system ? rows.Links : await MemberRows.LinksAsync(connection, libraryId, system, ct);

            // Numbers for new pseudonyms are given in the table's order.
            var count = rows.Memberships.Count;
            var members = new MemberRef[count];
            for (var i = 0; i < count; i++)
            {
                var row = rows.Memberships[i];
                members[i] = new MemberRef(row.Id, row.BirthDate, row.TypeId, keeping.Contains(row.Id), numbers.Member(row.Pseudonym));
            }

            // The summaries and the lookups need nothing of each other: made on two cores (the import's
            // other threads have not started yet, and 300,000 of each take a few tenths of a second).
            var summaries = Task.Run(() => Summaries(rows.Memberships, members), ct);

            // Sized up front: growing dictionaries of 300,000 entries rehashes them several times over.
            var byKeys = (references & (MemberReferences.Card | MemberReferences.SourceId)) != 0;
            var byId = new Dictionary<Guid, MemberRef>(byKeys ? count : 0);
            var byPerson = new Dictionary<Guid, MemberRef>(emails ? count : 0);
            var byCard = new Dictionary<string, MemberRef>(references.HasFlag(MemberReferences.Card) ? count : 0, StringComparer.Ordinal);
            var bySourceId = new Dictionary<string, MemberRef>(sourceIds && system != ImportFormat.Medlem ? count : 0, StringComparer.Ordinal);
            var byEmail = new Dictionary<string, MemberRef>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                if (byKeys)
                {
                    byId[rows.Memberships[i].Id] = members[i];
                }

                if (emails)
                {
                    byPerson.TryAdd(rows.Memberships[i].PersonId, members[i]);
                }
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
                await MemberRows.QueryAsync(connection, """SELECT "Number", "MembershipId" FROM "Cards" WHERE "LibraryId" = @library""", libraryId, r =>
                {
                    if (byId.TryGetValue(RegisterSql.GuidAt(r, 1), out var member))
                    {
                        byCard[r.GetString(0)] = member;
                    }
                }, ct);
            }

            if (emails)
            {
                await MemberRows.QueryAsync(connection, $"""
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

            return (new MemberIndex(bySourceId, byCard, byEmail), await summaries);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Dictionary<int, RegisterSummary> Summaries(List<MemberRow> rows, MemberRef[] members)
    {
        var summaries = new Dictionary<int, RegisterSummary>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            summaries[members[i].Number] = new RegisterSummary(row.Id, row.LastUsedOn, row.LoansLast12Months, row.ActivityAsOf);
        }

        return summaries;
    }

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
}
