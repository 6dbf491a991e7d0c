using System.Data.Common;
using Medlem.Core.Data;
using Medlem.Statistics;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Medlem.Core.Activity.Importing;

/// <summary>
/// Brings the register's activity summary of a library's memberships (last day of use, loans in
/// the last twelve months) up to date with the statistics store after an import, so status and
/// engagement stage follow what people do. Only memberships with facts are touched; a last use
/// known to the register before any import is kept when it is later.
/// </summary>
internal static class ActivitySummaryRefresh
{
    /// <summary>Kinds that count as use (DESIGN.md §6: loan, digital loan, event, identified wifi).</summary>
    private const string UseKinds = "1, 2, 5, 6, 7";

    public static async Task<int> RunAsync(MedlemDbContext db, DuckDBConnection duck, int libraryId, DateOnly today, CancellationToken ct)
    {
        var periodStart = today.AddMonths(-12).AddDays(1);
        var facts = await duck.QueryAsync(
            $"""
            SELECT member, max(day) FILTER (WHERE kind IN ({UseKinds})),
                   count(*) FILTER (WHERE kind = {(int)FactKind.Loan} AND day >= DATE '{periodStart:yyyy-MM-dd}')
            FROM fact WHERE library_id = {libraryId} AND member IS NOT NULL GROUP BY member
            """,
            r => (Member: r.GetGuid(0), LastUsed: r.IsDBNull(1) ? (DateOnly?)null : DateOnly.FromDateTime(r.GetDateTime(1)), Loans: (int)r.GetInt64(2)),
            ct);
        var byPseudonym = facts.ToDictionary(f => f.Member);

        var current = await db.Memberships.AsNoTracking().Where(m => m.LibraryId == libraryId)
            .Select(m => new { m.Pseudonym, m.LastUsedOn, m.LoansLast12Months, m.ActivityAsOf })
            .ToListAsync(ct);
        var changes = new List<(Guid Pseudonym, DateOnly? LastUsed, int Loans)>();
        foreach (var m in current)
        {
            if (!byPseudonym.TryGetValue(m.Pseudonym, out var f))
            {
                continue;
            }

            var lastUsed = Later(m.LastUsedOn, f.LastUsed);
            if (lastUsed != m.LastUsedOn || f.Loans != m.LoansLast12Months || m.ActivityAsOf != today)
            {
                changes.Add((m.Pseudonym, lastUsed, f.Loans));
            }
        }

        await WriteAsync(db, changes, today, ct);
        return changes.Count;
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// One prepared UPDATE in one transaction: hundreds of thousands of rows in a second or two,
    /// where EF's change tracker would take minutes. Values are bound as the provider stores them.
    /// </summary>
    private static async Task WriteAsync(MedlemDbContext db, List<(Guid Pseudonym, DateOnly? LastUsed, int Loans)> changes, DateOnly today, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """UPDATE "Memberships" SET "LastUsedOn" = @last, "LoansLast12Months" = @loans, "ActivityAsOf" = @asOf WHERE "Pseudonym" = @pseudonym""";
        var last = Parameter(command, "@last");
        var loans = Parameter(command, "@loans");
        var asOf = Parameter(command, "@asOf");
        var pseudonym = Parameter(command, "@pseudonym");
        asOf.Value = sqlite ? today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : today;
        foreach (var change in changes)
        {
            last.Value = change.LastUsed is { } d ? (sqlite ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : d) : DBNull.Value;
            loans.Value = change.Loans;
            // EF Core's SQLite provider stores a Guid as upper-case text.
            pseudonym.Value = sqlite ? change.Pseudonym.ToString().ToUpperInvariant() : change.Pseudonym;
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
