using System.Data.Common;
using System.Globalization;
using Medlem.Core.Activity.Mapping;

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
        reader.GetFieldType(column) == typeof(string) ? SqliteDate(reader.GetString(column)) : reader.GetFieldValue<DateOnly>(column);

    /// <summary><c>yyyy-MM-dd</c> read digit by digit: the member index reads three dates for each of a large library's 300,000 members.</summary>
    internal static DateOnly SqliteDate(string text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && FieldParsers.Digits(text.AsSpan(0, 4), out var year) && FieldParsers.Digits(text.AsSpan(5, 2), out var month) && FieldParsers.Digits(text.AsSpan(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture); // throws with the value in its message
    }

    public static DateOnly? DateOrNullAt(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : DateAt(reader, column);

    /// <summary>A Guid as SQLite holds it.</summary>
    public static string SqliteText(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>A date as SQLite holds it.</summary>
    public static string SqliteText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
