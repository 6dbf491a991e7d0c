using System.Data.Common;
using System.Globalization;

namespace Medlem.Core.Data;

/// <summary>
/// The register's values in plain SQL, for the few hot paths that bypass EF Core (the importer's
/// member index and activity summaries). EF Core's SQLite provider keeps a Guid as upper-case text
/// and a date as <c>yyyy-MM-dd</c>; PostgreSQL keeps <c>uuid</c> and <c>date</c>. Parsing SQLite's text
/// here is several times faster than the provider's generic <c>GetFieldValue</c>.
/// </summary>
internal static class RegisterSql
{
    public static DbParameter Parameter(DbCommand command, string name, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static Guid GuidAt(DbDataReader reader, int column) =>
        reader.GetFieldType(column) == typeof(string) ? Guid.ParseExact(reader.GetString(column), "D") : reader.GetGuid(column);

    public static DateOnly DateAt(DbDataReader reader, int column) =>
        reader.GetFieldType(column) == typeof(string)
            ? DateOnly.ParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : reader.GetFieldValue<DateOnly>(column);

    public static DateOnly? DateOrNullAt(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : DateAt(reader, column);

    /// <summary>A Guid as SQLite holds it.</summary>
    public static string SqliteText(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>A date as SQLite holds it.</summary>
    public static string SqliteText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
