using Medlem.Core.Data;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Medlem.Core.Tests.Data;

/// <summary>
/// The importer reads the register's Guids and dates from SQLite's text (RegisterSql) as EF Core's
/// SQLite provider writes them: a Guid as upper-case text ("D" format), a date as yyyy-MM-dd. Read from
/// SQLite's bytes, they must be the values written; text that is neither fails with the value named.
/// </summary>
public sealed class RegisterSqlTests
{
    [Fact]
    public void GuidsAndDates_ReadFromSqliteText_AreTheValuesWritten_AndBadTextFails()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var id = Guid.Parse("7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b01");
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT @upper, @lower, '2024-02-29', '1907-12-31', NULL, '2026-02-30', 'not a guid'
            """;
        command.Parameters.AddWithValue("@upper", RegisterSql.SqliteText(id));
        command.Parameters.AddWithValue("@lower", id.ToString());
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        Assert.Equal("7261ECAA-3C1D-4C2A-9A8C-1D5B2E1A0B01", reader.GetString(0)); // the premise: EF Core's spelling
        Assert.Equal(id, RegisterSql.GuidAt(reader, 0));
        Assert.Equal(id, RegisterSql.GuidAt(reader, 1));
        Assert.Equal(new DateOnly(2024, 2, 29), RegisterSql.DateAt(reader, 2));
        Assert.Equal(new DateOnly(1907, 12, 31), RegisterSql.DateAt(reader, 3));
        Assert.Null(RegisterSql.DateOrNullAt(reader, 4));
        Assert.Contains("2026-02-30", Assert.Throws<FormatException>(() => RegisterSql.DateAt(reader, 5)).Message);
        Assert.Throws<FormatException>(() => RegisterSql.GuidAt(reader, 6));
    }
}
