using System.Globalization;
using System.Text;
using Medlem.Core.Activity;
using Medlem.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// An import's rejected rows as CSV: line, column, value, reason in the reader's language. Written
/// as Excel on Norwegian Windows reads a double-clicked file: UTF-8 with a byte order mark (else
/// æøå break), fields as <see cref="CsvField"/> writes them, CRLF.
/// </summary>
public static class ErrorReportCsv
{
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

    private static string Row(params string?[] fields) => CsvField.Row(fields);
}
