using System.Data.Common;
using Medlem.Core.Data;
using Medlem.Statistics;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Medlem.Core.Activity.Importing;

/// <summary>
/// Brings the register's activity summary (last day of use, loans in the last twelve months, as
/// of <c>ActivityAsOf</c>) up to date with the statistics store after an import, so status and
/// engagement stage follow what people do. Only memberships with facts in the import are
/// touched, from all their facts; a last use known to the register before any import is kept
/// when it is later. A membership without new facts keeps its summary and its as-of date.
/// </summary>
internal static class ActivitySummaryRefresh
{
    /// <summary>
    /// Refreshes the summaries of the <paramref name="members"/> (store numbers with facts in the
    /// import) from all their facts; <paramref name="current"/> is the register's, by store number.
    /// </summary>
    public static async Task<int> RunAsync(
        MedlemDbContext db, DuckDBConnection duck, int libraryId, IReadOnlyDictionary<int, RegisterSummary> current, IReadOnlySet<int> members,
        DateOnly today, CancellationToken ct)
    {
        var changes = await ChangesAsync(duck, libraryId, current, members, today, ct);
        await WriteAsync(db, changes, today, ct: ct);
        return changes.Count;
    }

    /// <summary>The summaries that change, from the store (the first half of <see cref="RunAsync"/>; <see cref="WriteAsync"/> is the second).</summary>
    public static async Task<List<(Guid Membership, DateOnly? LastUsed, int Loans)>> ChangesAsync(
        DuckDBConnection duck, int libraryId, IReadOnlyDictionary<int, RegisterSummary> current, IReadOnlySet<int> members, DateOnly today, CancellationToken ct)
    {
        if (members.Count == 0)
        {
            return [];
        }

        var stored = await StoredAsync(duck, libraryId, members, today, "", ct);
        return Changes(current, members, m => stored.GetValueOrDefault(m), today);
    }

    /// <summary>
    /// The same from an import's own figures (<see cref="ImportedUse"/>: valid when its commit removed
    /// no repeats) and the store's other facts of the library: the import's facts are not grouped again.
    /// </summary>
    public static async Task<List<(Guid Membership, DateOnly? LastUsed, int Loans)>> ChangesAsync(
        DuckDBConnection duck, int libraryId, IReadOnlyDictionary<int, RegisterSummary> current, ImportedUse imported, long importId, DateOnly today, CancellationToken ct)
    {
        var members = imported.Members;
        if (members.Count == 0)
        {
            return [];
        }

        var stored = await StoredAsync(duck, libraryId, members, today, $"AND import_id <> {importId}", ct);
        return Changes(current, members, m =>
        {
            var own = imported.Of(m);
            var other = stored.GetValueOrDefault(m);
            return (Later(own.LastUsed, other.LastUsed), own.Loans + other.Loans);
        }, today);
    }

    /// <summary>The first day of the twelve months that end today (Membership.LoansLast12Months).</summary>
    public static DateOnly PeriodStart(DateOnly today) => today.AddMonths(-12).AddDays(1);

    /// <summary>The last day of use and the loans in the twelve months of the library's members' facts in the store, by member number.</summary>
    private static async Task<Dictionary<int, (DateOnly? LastUsed, int Loans)>> StoredAsync(
        DuckDBConnection duck, int libraryId, IReadOnlySet<int> members, DateOnly today, string andWhere, CancellationToken ct)
    {
        // Grouped over the library's member facts without a join: picking the import's members in
        // the query (a semi join on its ten million facts) took three times as long as this.
        var few = members.Count <= 1000 ? $"AND who IN ({string.Join(", ", members)})" : "";
        var facts = await duck.QueryAsync(
            $"""
            SELECT who, max(day) FILTER (WHERE flags & 255 IN ({Statistics.UseKinds.Sql})),
                   count(*) FILTER (WHERE flags & 255 = {(int)FactKind.Loan} AND day >= DATE '{PeriodStart(today):yyyy-MM-dd}')
            FROM fact_row
            WHERE library_id = {libraryId} AND (flags >> 8) & 15 = {(int)MatchKind.Member} {few} {andWhere}
            GROUP BY who
            """,
            r => (Member: r.GetInt32(0), LastUsed: r.IsDBNull(1) ? (DateOnly?)null : DateOnly.FromDateTime(r.GetDateTime(1)), Loans: (int)r.GetInt64(2)),
            ct);
        return facts.Where(f => members.Contains(f.Member)).ToDictionary(f => f.Member, f => (f.LastUsed, f.Loans));
    }

    private static List<(Guid Membership, DateOnly? LastUsed, int Loans)> Changes(
        IReadOnlyDictionary<int, RegisterSummary> current, IReadOnlySet<int> members, Func<int, (DateOnly? LastUsed, int Loans)> figures, DateOnly today)
    {
        var changes = new List<(Guid Membership, DateOnly? LastUsed, int Loans)>();
        foreach (var member in members)
        {
            if (!current.TryGetValue(member, out var m))
            {
                continue; // a membership erased or moved since the facts were written
            }

            var f = figures(member);
            var lastUsed = Later(m.LastUsedOn, f.LastUsed);
            if (lastUsed != m.LastUsedOn || f.Loans != m.LoansLast12Months || m.ActivityAsOf != today)
            {
                changes.Add((m.MembershipId, lastUsed, f.Loans));
            }
        }

        return changes;
    }

    /// <summary>The member numbers with facts in an import after its commit (repeats it brought were removed there).</summary>
    public static async Task<HashSet<int>> MembersOfAsync(DuckDBConnection duck, long importId, CancellationToken ct) =>
        [.. await duck.QueryAsync(
            $"SELECT DISTINCT who FROM fact_row WHERE import_id = {importId} AND (flags >> 8) & 15 = {(int)MatchKind.Member}", r => r.GetInt32(0), ct)];

    /// <summary>The register's summaries of a library's memberships, by the store's member number (what <see cref="RunAsync"/> compares with).</summary>
    public static async Task<Dictionary<int, RegisterSummary>> CurrentAsync(MedlemDbContext db, DuckDBConnection duck, int libraryId, CancellationToken ct)
    {
        var numbers = await StatisticsNumbers.LoadAsync(duck, (short)libraryId, ct);
        var summaries = await db.Memberships.AsNoTracking()
            .Where(m => m.LibraryId == libraryId)
            .Select(m => new { m.Pseudonym, Summary = new RegisterSummary(m.Id, m.LastUsedOn, m.LoansLast12Months, m.ActivityAsOf) })
            .ToListAsync(ct);
        return summaries.Where(m => numbers.Knows(m.Pseudonym)).ToDictionary(m => numbers.Member(m.Pseudonym), m => m.Summary);
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// Writes the changed summaries in one transaction, by primary key. SQLite runs in the process,
    /// so one prepared UPDATE per membership costs no round trips: 300,000 in about a second, a third of the time of a
    /// temporary table and an <c>UPDATE … FROM</c>. PostgreSQL gets the same in one statement
    /// over arrays (<c>unnest</c>), one round trip instead of one per membership.
    /// The transaction commits when <paramref name="keep"/> gives true (the statistics store's
    /// commit of the facts the summaries come from), else it is rolled back.
    /// </summary>
    public static async Task WriteAsync(
        MedlemDbContext db, List<(Guid Membership, DateOnly? LastUsed, int Loans)> changes, DateOnly today, Task<bool>? keep = null, CancellationToken ct = default)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using var update = db.Database.GetDbConnection().CreateCommand();
            update.Transaction = transaction.GetDbTransaction();
            if (sqlite)
            {
                await UpdateEachAsync(update, changes, today, ct);
            }
            else
            {
                await UpdateFromArraysAsync(update, changes, today, ct);
            }

            if (keep is null || await keep)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task UpdateEachAsync(DbCommand update, List<(Guid Membership, DateOnly? LastUsed, int Loans)> changes, DateOnly today, CancellationToken ct)
    {
        update.CommandText = """UPDATE "Memberships" SET "LastUsedOn" = @last, "LoansLast12Months" = @loans, "ActivityAsOf" = @asOf WHERE "Id" = @id""";
        var id = RegisterSql.Parameter(update, "@id");
        var last = RegisterSql.Parameter(update, "@last");
        var loans = RegisterSql.Parameter(update, "@loans");
        RegisterSql.Parameter(update, "@asOf", RegisterSql.SqliteText(today));
        // In key order the index and the pages it leads to are read once each, from one end to the
        // other: in random order 300,000 updates took three times as long. Guid's order is the order
        // of its upper-case text (its fields compared unsigned, then its bytes).
        changes.Sort((a, b) => a.Membership.CompareTo(b.Membership));
        await update.PrepareAsync(ct);
        foreach (var row in changes)
        {
            id.Value = RegisterSql.SqliteText(row.Membership);
            last.Value = row.LastUsed is { } d ? RegisterSql.SqliteText(d) : DBNull.Value;
            loans.Value = row.Loans;
            update.ExecuteNonQuery(); // in-process: the async form only adds a state machine per row
        }
    }

    private static async Task UpdateFromArraysAsync(DbCommand update, List<(Guid Membership, DateOnly? LastUsed, int Loans)> changes, DateOnly today, CancellationToken ct)
    {
        update.CommandText = """
            UPDATE "Memberships" m SET "LastUsedOn" = s.last_used, "LoansLast12Months" = s.loans, "ActivityAsOf" = @asOf
            FROM unnest(@ids, @last, @loans) AS s(id, last_used, loans) WHERE m."Id" = s.id
            """;
        RegisterSql.Parameter(update, "@ids", changes.Select(c => c.Membership).ToArray());
        RegisterSql.Parameter(update, "@last", changes.Select(c => c.LastUsed).ToArray());
        RegisterSql.Parameter(update, "@loans", changes.Select(c => c.Loans).ToArray());
        RegisterSql.Parameter(update, "@asOf", today);
        await update.ExecuteNonQueryAsync(ct);
    }
}
