using System.Globalization;
using System.Text;
using Medlem.Core.Activity;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// An import's rejected rows as CSV: line, column, value, reason in the reader's language. Written
/// as Excel on Norwegian Windows reads a double-clicked file: UTF-8 with a byte order mark (else
/// æøå break), semicolons (the comma is the decimal sign), CRLF. A value came from someone else's
/// file, so one that Excel would take for a formula (=, +, -, @) is written behind an apostrophe.
/// </summary>
public static class ErrorReportCsv
{
    private const char Separator = ';';

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<ImportRowError> errors, IStringLocalizer texts, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await writer.WriteLineAsync(Row(texts["import.errors.line"], texts["import.errors.column"], texts["import.errors.value"], texts["import.errors.reason"]));
        await foreach (var error in errors.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Row(error.Line.ToString(CultureInfo.InvariantCulture), error.Column, error.Value, ImportTexts.Reason(texts, error.Reason)));
        }
    }

    private static string Row(params string?[] fields) => string.Join(Separator, fields.Select(Field));

    private static string Field(string? value)
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
