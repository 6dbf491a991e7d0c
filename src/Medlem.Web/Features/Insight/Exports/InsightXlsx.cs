using Medlem.Core.Insight;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Medlem.Web.Features.Insight.Exports;

/// <summary>
/// Tables as an Excel workbook (SpreadCheetah): one sheet per table, named by its title, with the
/// title and preamble on top, a bold header row, numbers as numbers (formatted as counts, one
/// decimal, or percent) so they can be summed, a hidden cell as the text "&lt;5", and the findings
/// under the table.
/// </summary>
public static class InsightXlsx
{
    public static async Task WriteAsync(InsightDashboard dashboard, InsightText text, Stream output, IReadOnlyCollection<string>? tables, CancellationToken ct)
    {
        await using var book = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        var bold = book.AddStyle(new Style { Font = { Bold = true } });
        var count = book.AddStyle(new Style { Format = NumberFormat.Custom("#,##0") });
        var mean = book.AddStyle(new Style { Format = NumberFormat.Custom("0.0") });
        var share = book.AddStyle(new Style { Format = NumberFormat.Custom("0.0%") });
        var hidden = book.AddStyle(new Style { Alignment = { Horizontal = HorizontalAlignment.Right } });
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var picked = InsightExports.Pick(dashboard, tables).ToList();
        if (picked.Count == 0)
        {
            await book.StartWorksheetAsync(text["insight.report.title"], token: ct);
        }

        foreach (var table in picked)
        {
            var options = new WorksheetOptions();
            options.Column(1).Width = 40;
            await book.StartWorksheetAsync(SheetName(text.Title(table), names), options, ct);
            await book.AddRowAsync([new Cell(text.Title(table), bold)], ct);
            foreach (var line in InsightExports.Preamble(dashboard, text))
            {
                await book.AddRowAsync([new Cell(line)], ct);
            }

            await book.AddRowAsync(Array.Empty<Cell>(), ct);
            await book.AddHeaderRowAsync([text["insight.row"], .. table.Columns.Select(text.Column)], bold, ct);
            foreach (var row in table.Rows)
            {
                await book.AddRowAsync([new Cell(text.Label(row.Label)), .. row.Cells.Select(Cell)], ct);
            }

            await book.AddRowAsync(Array.Empty<Cell>(), ct);
            foreach (var finding in text.Findings(table))
            {
                await book.AddRowAsync([new Cell(finding)], ct);
            }
        }

        await book.FinishAsync(ct);

        Cell Cell(InsightCell cell) =>
            cell.Suppressed ? new Cell(InsightText.Hidden(dashboard.Threshold), hidden)
            : cell.Kind == CellKind.Text ? new Cell(text.Cell(cell, dashboard.Threshold))
            : cell.Value is not { } value ? new Cell(string.Empty)
            : new Cell(value, cell.Kind switch { CellKind.Share => share, CellKind.Mean => mean, _ => count });
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the book.</summary>
    private static string SheetName(string title, HashSet<string> taken)
    {
        var clean = new string([.. title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim().Trim('\'');
        clean = clean.Length == 0 ? "Tabell" : clean[..Math.Min(clean.Length, 31)];
        var name = clean;
        for (var i = 2; !taken.Add(name); i++)
        {
            var suffix = $" ({i})";
            name = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return name;
    }
}
