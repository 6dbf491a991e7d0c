using System.Data.Common;
using DuckDB.NET.Data;

namespace Medlem.Statistics;

/// <summary>
/// The statistics store: one DuckDB file. DuckDB lets one process open a file for writing at a
/// time, so connections are opened per piece of work and closed after; a second process (the
/// command line while the web app runs) waits for the file as long as <see cref="LockWait"/>.
/// </summary>
public sealed class StatisticsStore(string path)
{
    /// <summary>
    /// DuckDB's buffer; beyond it, it spills to disk. With 256 MB a ten-million-row import peaked
    /// at 841 MiB for the whole process (with 384 MB: 1,064 MiB) and ran no slower (docs/benchmarks.md).
    /// </summary>
    public const string MemoryLimit = "256MB";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<DuckDBConnection> OpenAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            var connection = new DuckDBConnection(ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                await PrepareAsync(connection, ct);
                return connection;
            }
            catch (DuckDBException ex) when (IsLocked(ex) && System.Diagnostics.Stopwatch.GetElapsedTime(started) < LockWait)
            {
                await connection.DisposeAsync();
                await Task.Delay(250, ct);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    private string ConnectionString => $"Data Source={Path}";

    private static bool IsLocked(DuckDBException ex) => ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase);

    /// <summary>Bounds DuckDB's memory, creates the tables (cheap when they exist), brings an older store up to date, and makes the views.</summary>
    private static async Task PrepareAsync(DuckDBConnection connection, CancellationToken ct)
    {
        await connection.ExecuteAsync($"SET memory_limit = '{MemoryLimit}'; SET preserve_insertion_order = false;", ct);
        await connection.ExecuteAsync(StatisticsSchema.Tables, ct);
        var versions = await connection.QueryAsync("SELECT version FROM store_version", r => r.GetInt32(0), ct);
        if (versions.Count == 0 || versions[0] < StatisticsSchema.Version)
        {
            // A store older than version 3 has facts in nine columns (one before versions were recorded too).
            var unpacked = await connection.ScalarAsync<long>(
                "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'fact_row' AND column_name = 'ids'", ct) > 0;
            await connection.ExecuteAsync(StatisticsSchema.Upgrade(versions.Count == 0 ? 0 : versions[0], unpacked), ct);
        }

        await connection.ExecuteAsync(StatisticsSchema.Views, ct);
    }
}

/// <summary>The statistics store at a path belongs to another member register (its import numbers and pseudonyms would mix).</summary>
public sealed class StatisticsStoreMismatchException(string path)
    : Exception($"The statistics store {path} belongs to another member register. Move it away (or point Medlem:Database:StatisticsPath elsewhere) to start a new one.");

public static class StatisticsOwnership
{
    /// <summary>
    /// Binds the store to one register by a fingerprint of the register's secret fact key: a
    /// register started anew beside an old store would otherwise reuse its import numbers.
    /// </summary>
    public static async Task EnsureOwnedByAsync(DuckDBConnection connection, string path, string fingerprint, CancellationToken ct = default)
    {
        var owners = await connection.QueryAsync("SELECT fingerprint FROM register", r => r.GetString(0), ct);
        if (owners.Count == 0)
        {
            await connection.ExecuteAsync($"INSERT INTO register VALUES ('{fingerprint}')", ct);
        }
        else if (owners[0] != fingerprint)
        {
            throw new StatisticsStoreMismatchException(path);
        }
    }
}

public static class DuckDbCommands
{
    /// <summary>
    /// When set (by <c>medlem bench insight</c>), every statement run through these helpers in the
    /// current async flow is added to it, so the same SQL can be timed bare.
    /// </summary>
    public static readonly AsyncLocal<List<string>?> Trace = new();

    public static async Task ExecuteAsync(this DuckDBConnection connection, string sql, CancellationToken ct = default)
    {
        Trace.Value?.Add(sql);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T> ScalarAsync<T>(this DuckDBConnection connection, string sql, CancellationToken ct = default)
    {
        Trace.Value?.Add(sql);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct);
        if (value is System.Numerics.BigInteger big)
        {
            value = (long)big; // DuckDB sums integers as 128-bit numbers
        }

        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> QueryAsync<T>(this DuckDBConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken ct = default)
    {
        Trace.Value?.Add(sql);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
