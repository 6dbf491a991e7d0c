namespace Medlem.Web.Features.Shared;

/// <summary>
/// One CSV field as Excel on Norwegian Windows reads it: semicolon separated (the comma is the
/// decimal sign), quoted when needed. A value Excel would take for a formula (=, +, -, @) is
/// written behind an apostrophe, since it may come from someone else's file or a name staff typed.
/// </summary>
public static class CsvField
{
    public const char Separator = ';';

    public static string Row(params IEnumerable<string?> fields) => string.Join(Separator, fields.Select(Escape));

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
