using System.Globalization;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Medlem.Core.Demo;

/// <summary>
/// A larger SQLite page cache while the demo loads. Inserting random-Guid keys touches pages all
/// over each index; with SQLite's default 2 MiB cache the pages spill to disk inside the
/// transaction, and the full-size load took 28 s instead of 19 s (docs/demo-data.md). The
/// setting belongs to the connection only and is put back afterwards; other providers are left
/// alone.
/// </summary>
internal static class DemoSqliteTuning
{
    /// <summary>Cache for the load, in KiB (negative: SQLite's unit for a size rather than a page count).</summary>
    public const int LoadCacheKiB = 256 * 1024;

    /// <summary>Enlarges the cache and returns the previous setting, or null when the register is not SQLite.</summary>
    public static async Task<long?> EnlargeCacheAsync(MedlemDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return null;
        }

        var previous = Convert.ToInt64(await ScalarAsync(db, "PRAGMA cache_size", ct), CultureInfo.InvariantCulture);
        await ScalarAsync(db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{LoadCacheKiB}"), ct);
        return previous;
    }

    public static async Task RestoreCacheAsync(MedlemDbContext db, long? previous, CancellationToken ct)
    {
        if (previous is { } size)
        {
            await ScalarAsync(db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}"), ct);
        }
    }

    private static async Task<object?> ScalarAsync(MedlemDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return await command.ExecuteScalarAsync(ct);
    }
}
