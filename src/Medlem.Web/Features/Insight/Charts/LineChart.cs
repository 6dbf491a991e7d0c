using Medlem.Core.Insight;
using ScottPlot;

namespace Medlem.Web.Features.Insight.Charts;

/// <summary>The rows (months) along the x axis, a line per plotted column, broken where a cell is hidden or empty.</summary>
internal static class LineChart
{
    public static Plot Draw(InsightTable table, InsightText text, int threshold)
    {
        var plot = ChartStyle.NewPlot();
        var columns = table.Chart.Columns;
        var any = false;
        for (var j = 0; j < columns.Count; j++)
        {
            var color = ChartStyle.Series[j % ChartStyle.Series.Length];
            var run = new List<(double X, double Y)>();
            for (var r = 0; r <= table.Rows.Count; r++)
            {
                var cell = r < table.Rows.Count ? table.Rows[r].Cells[columns[j]] : null;
                if (cell is not null && ChartStyle.Value(cell) is { } value)
                {
                    run.Add((r, value));
                    continue;
                }

                Segment(plot, run, color, j);
                run.Clear();
                if (cell is { Suppressed: true })
                {
                    ChartStyle.HiddenMark(plot, r, 0, threshold);
                }
            }

            any |= table.Rows.Any(row => ChartStyle.Value(row.Cells[columns[j]]) is not null);
        }

        ChartStyle.CategoryTicks(plot, [.. table.Rows.Select(r => text.Label(r.Label))]);
        ChartStyle.LabelValueAxis(plot, table, text);
        ChartStyle.Legend(plot, table, text);
        plot.Axes.Margins(bottom: 0);
        if (!any)
        {
            plot.Axes.SetLimitsY(0, 1);
        }

        return plot;
    }

    private static void Segment(Plot plot, List<(double X, double Y)> run, Color color, int series)
    {
        if (run.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(run.Select(p => p.X).ToArray(), run.Select(p => p.Y).ToArray(), color);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        // Every other series has square markers, so the lines differ by more than colour (WCAG 1.4.1);
        // a dashed line would be lost: Skia's SVG writer has no dashes.
        line.MarkerShape = series % 2 == 0 ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
    }
}
