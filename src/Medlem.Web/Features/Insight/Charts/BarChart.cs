using Medlem.Core.Insight;
using ScottPlot;

namespace Medlem.Web.Features.Insight.Charts;

/// <summary>One group of bars per row, a bar per plotted column; a hidden cell has no bar.</summary>
internal static class BarChart
{
    public static Plot Draw(InsightTable table, InsightText text, int threshold)
    {
        var plot = ChartStyle.NewPlot();
        var columns = table.Chart.Columns;
        var width = 0.8 / columns.Count;
        var bars = new List<Bar>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                var cell = table.Rows[r].Cells[columns[j]];
                var x = r + ((j - ((columns.Count - 1) / 2.0)) * width);
                if (ChartStyle.Value(cell) is { } value)
                {
                    bars.Add(new Bar { Position = x, Value = value, Size = width * 0.9, FillColor = ChartStyle.Series[j % ChartStyle.Series.Length], LineWidth = 0 });
                }
                else if (cell.Suppressed)
                {
                    ChartStyle.HiddenMark(plot, x, 0, threshold);
                }
            }
        }

        plot.Add.Bars(bars);
        ChartStyle.CategoryTicks(plot, [.. table.Rows.Select(r => text.Label(r.Label))]);
        ChartStyle.LabelValueAxis(plot, table, text);
        ChartStyle.Legend(plot, table, text);
        plot.Axes.Margins(bottom: 0);
        if (bars.Count == 0)
        {
            plot.Axes.SetLimitsY(0, 1);
        }

        return plot;
    }
}
