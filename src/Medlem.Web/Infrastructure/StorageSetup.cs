using Medlem.Core.Activity.Importing;
using Medlem.Statistics;
using Medlem.Core.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medlem.Web.Infrastructure;

/// <summary>Which database the register lives in, from configuration section <c>Medlem:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Medlem:Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For SQLite, default <c>Data Source=./data/medlem.db</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public string EffectiveConnectionString => ConnectionString ?? "Data Source=./data/medlem.db";

    /// <summary>
    /// A new, unopened ADO.NET connection that only reads the register, for reads that need not wait
    /// for EF Core to start. A SQLite file is opened read-only, so a register not yet made stays
    /// unmade (EF Core's migration then creates it, in WAL mode).
    /// </summary>
    public DbConnection ConnectForReading()
    {
        if (IsPostgres)
        {
            return new NpgsqlConnection(EffectiveConnectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(EffectiveConnectionString);
        if (sqlite.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            sqlite.Mode = SqliteOpenMode.ReadOnly;
        }

        return new SqliteConnection(sqlite.ToString());
    }

    /// <summary>Whether two connections may read at once and see the same data: a SQLite file (not a database in memory, which only its own connection sees).</summary>
    public bool IsSqliteFile => !IsPostgres && new SqliteConnectionStringBuilder(EffectiveConnectionString) is { Mode: not SqliteOpenMode.Memory } b
        && b.DataSource is { Length: > 0 } source && source != ":memory:";

    /// <summary>
    /// The statistics store's DuckDB file. Default: <c>statistics.duckdb</c> beside the SQLite
    /// file, or <c>./data/statistics.duckdb</c> with PostgreSQL.
    /// </summary>
    public string? StatisticsPath { get; set; }

    public string EffectiveStatisticsPath => StatisticsPath
        ?? Path.Combine(IsPostgres ? Path.GetFullPath("data") : StorageSetup.SqliteDirectory(EffectiveConnectionString), "statistics.duckdb");
}

/// <summary>Registers the register database for the web host and the command line alike.</summary>
public static class StorageSetup
{
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Medlem");
        return options;
    }

    public static IServiceCollection AddMedlemStorage(this IServiceCollection services, DatabaseOptions options)
    {
        if (!options.IsPostgres && !string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown database provider '{options.Provider}': use Sqlite or Postgres.");
        }

        services.AddSingleton(options);
        services.AddDbContext<MedlemDbContext>(builder => Configure(builder, options));
        var statistics = options.EffectiveStatisticsPath;
        Directory.CreateDirectory(Path.GetDirectoryName(statistics)!);
        services.AddSingleton(new StatisticsStore(statistics));
        services.AddScoped<ActivityImporter>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (options.IsPostgres)
        {
            builder.UseNpgsql(options.EffectiveConnectionString, npgsql => npgsql.MigrationsAssembly("Medlem.Migrations.Postgres"));
        }
        else
        {
            EnsureSqliteDirectory(options.EffectiveConnectionString);
            builder.UseSqlite(options.EffectiveConnectionString, sqlite => sqlite.MigrationsAssembly("Medlem.Migrations.Sqlite"));
        }
    }

    private static void EnsureSqliteDirectory(string connectionString) =>
        Directory.CreateDirectory(SqliteDirectory(connectionString));

    /// <summary>The folder of the SQLite file (the current folder for an in-memory database).</summary>
    public static string SqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return dataSource is { Length: > 0 } && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.Ordinal)
            ? Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? Directory.GetCurrentDirectory()
            : Directory.GetCurrentDirectory();
    }
}
