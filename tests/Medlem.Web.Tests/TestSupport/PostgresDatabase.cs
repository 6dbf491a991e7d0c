using Npgsql;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// A fresh PostgreSQL database per test, on the server named by MEDLEM_TEST_POSTGRES (a
/// connection string to a database the user may create databases from, e.g.
/// "Host=127.0.0.1;Port=5432;Username=medlem;Password=medlem;Database=postgres"). Locally
/// without it the test is skipped with that reason; under CI=true a missing server fails.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly string _name = $"medlem_test_{Guid.NewGuid():N}";

    private PostgresDatabase(string adminConnectionString)
    {
        _adminConnectionString = adminConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = System.Environment.GetEnvironmentVariable("MEDLEM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            if (string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI=true but MEDLEM_TEST_POSTGRES is not set: the PostgreSQL tests must run in CI.");
            }

            Assert.Skip("PostgreSQL not available: set MEDLEM_TEST_POSTGRES to a connection string (.ci/run does) to run this test.");
        }

        var database = new PostgresDatabase(server);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database._name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
