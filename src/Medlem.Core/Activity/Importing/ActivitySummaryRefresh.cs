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
    public static async Task<int> RunAsync(
        MedlemDbContext db, DuckDBConnection duck, long importId, int libraryId, IReadOnlyDictionary<Guid, RegisterSummary> current, DateOnly today, CancellationToken ct)
    {
        var periodStart = today.AddMonths(-12).AddDays(1);
        var facts = await duck.QueryAsync(
            $"""
            SELECT m.pseudonym, max(f.day) FILTER (WHERE f.flags & 255 IN ({Statistics.UseKinds.Sql})),
                   count(*) FILTER (WHERE f.flags & 255 = {(int)FactKind.Loan} AND f.day >= DATE '{periodStart:yyyy-MM-dd}')
            FROM fact_row f
            JOIN member m ON m.member_id = f.who
            SEMI JOIN (SELECT who FROM fact_row WHERE import_id = {importId} AND (flags >> 8) & 15 = {(int)MatchKind.Member}) t ON t.who = f.who
            WHERE f.library_id = {libraryId} AND (f.flags >> 8) & 15 = {(int)MatchKind.Member}
            GROUP BY m.pseudonym
            """,
            r => (Member: r.GetGuid(0), LastUsed: r.IsDBNull(1) ? (DateOnly?)null : DateOnly.FromDateTime(r.GetDateTime(1)), Loans: (int)r.GetInt64(2)),
            ct);
        var changes = new List<(Guid Membership, DateOnly? LastUsed, int Loans)>();
        foreach (var f in facts)
        {
            if (!current.TryGetValue(f.Member, out var m))
            {
                continue; // a membership erased or moved since the facts were written
            }

            var lastUsed = Later(m.LastUsedOn, f.LastUsed);
            if (lastUsed != m.LastUsedOn || f.Loans != m.LoansLast12Months || m.ActivityAsOf != today)
            {
                changes.Add((m.MembershipId, lastUsed, f.Loans));
            }
        }

        await WriteAsync(db, changes, today, ct);
        return changes.Count;
    }

    /// <summary>The register's summaries of a library's memberships, by pseudonym (what <see cref="RunAsync"/> compares with).</summary>
    public static async Task<Dictionary<Guid, RegisterSummary>> CurrentAsync(MedlemDbContext db, int libraryId, CancellationToken ct) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.LibraryId == libraryId)
            .Select(m => new { m.Pseudonym, Summary = new RegisterSummary(m.Id, m.LastUsedOn, m.LoansLast12Months, m.ActivityAsOf) })
            .ToDictionaryAsync(m => m.Pseudonym, m => m.Summary, ct);

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// Writes the changed summaries in one transaction, by primary key. SQLite runs in the process,
    /// so one prepared UPDATE per membership costs no round trips: 300,000 in about a second, a third of the time of a
    /// temporary table and an <c>UPDATE … FROM</c>. PostgreSQL gets the same in one statement
    /// over arrays (<c>unnest</c>), one round trip instead of one per membership.
    /// </summary>
    private static async Task WriteAsync(MedlemDbContext db, List<(Guid Membership, DateOnly? LastUsed, int Loans)> changes, DateOnly today, CancellationToken ct)
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

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>EF Core's SQLite provider stores a Guid as upper-case text and a date as yyyy-MM-dd.</summary>
    private static async Task UpdateEachAsync(DbCommand update, List<(Guid Membership, DateOnly? LastUsed, int Loans)> changes, DateOnly today, CancellationToken ct)
    {
        update.CommandText = """UPDATE "Memberships" SET "LastUsedOn" = @last, "LoansLast12Months" = @loans, "ActivityAsOf" = @asOf WHERE "Id" = @id""";
        var id = Parameter(update, "@id");
        var last = Parameter(update, "@last");
        var loans = Parameter(update, "@loans");
        Parameter(update, "@asOf").Value = Text(today);
        // In key order the index and the pages it leads to are read once each, from one end to the
        // other: in random order 300,000 updates took three times as long. Guid's order is the order
        // of its upper-case text (its fields compared unsigned, then its bytes).
        changes.Sort((a, b) => a.Membership.CompareTo(b.Membership));
        await update.PrepareAsync(ct);
        foreach (var row in changes)
        {
            id.Value = row.Membership.ToString().ToUpperInvariant();
            last.Value = row.LastUsed is { } d ? Text(d) : DBNull.Value;
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
        Parameter(update, "@ids").Value = changes.Select(c => c.Membership).ToArray();
        Parameter(update, "@last").Value = changes.Select(c => c.LastUsed).ToArray();
        Parameter(update, "@loans").Value = changes.Select(c => c.Loans).ToArray();
        Parameter(update, "@asOf").Value = today;
        await update.ExecuteNonQueryAsync(ct);
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
