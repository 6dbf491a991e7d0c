using Medlem.Core.Data;
using Medlem.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Demo.TestSupport;

/// <summary>
/// A member register on SQLite for tests: in memory (the connection stays open for its
/// lifetime) or in a file, its schema built by the real SQLite migrations.
/// </summary>
public sealed class SqliteRegister : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteRegister(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteRegister> CreateAsync(string dataSource = ":memory:")
    {
        var connection = new SqliteConnection($"Data Source={dataSource}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var register = new SqliteRegister(connection);
        await using var db = register.NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return register;
    }

    public SqliteConnection Connection => _connection;

    public MedlemDbContext NewContext() =>
        new(new DbContextOptionsBuilder<MedlemDbContext>().UseSqlite(_connection, o => o.MigrationsAssembly("Medlem.Migrations.Sqlite")).Options, TestPersonalDataProtector.Instance);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
