using System.Globalization;
using System.Text;
using Medlem.Core.Insight;
using Medlem.Web.Features.Shared;

namespace Medlem.Web.Features.Insight.Exports;

/// <summary>
/// Tables as CSV for Excel on Norwegian Windows (a double-clicked file must open right): UTF-8
/// with a byte order mark, semicolons, CRLF, nb-NO numbers without thousands separators (so Excel
/// reads them as numbers): counts "1234", means "1,8", shares in percent "46,7%". A hidden cell is
/// "&lt;5". The file starts with the preamble; each table follows as its title, a header row and
/// its rows, with a blank line between tables.
/// </summary>
public static class InsightCsv
{
    public static async Task WriteAsync(InsightDashboard dashboard, InsightText text, Stream output, IReadOnlyCollection<string>? tables, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        foreach (var line in InsightExports.Preamble(dashboard, text))
        {
            await writer.WriteLineAsync(CsvField.Row(line));
        }

        foreach (var table in InsightExports.Pick(dashboard, tables))
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync();
            await writer.WriteLineAsync(CsvField.Row(text.Title(table)));
            await writer.WriteLineAsync(CsvField.Row([text["insight.row"], .. table.Columns.Select(text.Column)]));
            foreach (var row in table.Rows)
            {
                await writer.WriteLineAsync(CsvField.Row([text.Label(row.Label), .. row.Cells.Select(c => Cell(c, text, dashboard.Threshold))]));
            }
        }
    }

    private static string Cell(InsightCell cell, InsightText text, int threshold) =>
        cell.Suppressed || cell.Kind == CellKind.Text || cell.Value is null ? text.Cell(cell, threshold)
        : cell.Kind == CellKind.Share ? (cell.Value.Value * 100).ToString("0.0", InsightText.Numbers) + "%"
        : cell.Kind == CellKind.Mean ? cell.Value.Value.ToString("0.0", InsightText.Numbers)
        : cell.Value.Value.ToString("0", CultureInfo.InvariantCulture);
}
