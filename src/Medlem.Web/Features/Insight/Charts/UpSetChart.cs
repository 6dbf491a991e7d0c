using Medlem.Core.Insight;
using Medlem.Statistics.Insight;
using ScottPlot;

namespace Medlem.Web.Features.Insight.Charts;

/// <summary>
/// An UpSet plot of the channels: a bar per combination of channels (a row of the overlap table,
/// largest first) over a matrix with a row per channel, where a filled dot says the combination
/// has that channel and a line joins its dots. Combinations nobody has are left out; hidden ones
/// keep their column in the matrix, with "&lt;k" instead of a bar.
/// </summary>
internal static class UpSetChart
{
    public static Plot Draw(InsightTable table, InsightText text, int threshold)
    {
        var plot = ChartStyle.NewPlot();
        var column = table.Chart.Columns[0];
        var combos = table.Rows
            .Where(r => r.Label.Kind == LabelKind.Channels && (r.Cells[column].Suppressed || r.Cells[column].Value is > 0))
            .Select(r => (Channels: (Channels)int.Parse(r.Label.Value, System.Globalization.CultureInfo.InvariantCulture), Value: ChartStyle.Value(r.Cells[column])))
            .ToList();
        var max = combos.Max(c => c.Value) ?? 1;
        var step = max / 6; // the matrix' row height, in the bars' units
        var channels = InsightText.ChannelOrder;

        var bars = new List<Bar>();
        for (var x = 0; x < combos.Count; x++)
        {
            var (set, value) = combos[x];
            if (value is { } v)
            {
                bars.Add(new Bar { Position = x, Value = v, Size = 0.7, FillColor = ChartStyle.Series[0], LineWidth = 0 });
            }
            else
            {
                ChartStyle.HiddenMark(plot, x, 0, threshold);
            }

            var rows = channels.Select((c, i) => (Has: set.HasFlag(c), Y: Row(i, step))).ToList();
            var filled = rows.Where(r => r.Has).ToList();
            if (filled.Count > 1)
            {
                var link = plot.Add.Line(x, filled[0].Y, x, filled[^1].Y);
                link.LineWidth = 3;
                link.Color = ChartStyle.Ink;
            }

            foreach (var (has, y) in rows)
            {
                plot.Add.Marker(x, y, MarkerShape.FilledCircle, 11, has ? ChartStyle.Ink : ChartStyle.Line);
            }
        }

        plot.Add.Bars(bars);
        var valueTicks = Ticks(max);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. valueTicks, .. channels.Select((_, i) => Row(i, step))],
            [.. valueTicks.Select(t => t.ToString("N0", InsightText.Numbers)), .. channels.Select(text.Channel)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([], []);
        plot.Axes.Bottom.FrameLineStyle.IsVisible = false;
        plot.Axes.Left.Label.Text = text["insight.members"];
        plot.Axes.SetLimits(-0.6, Math.Max(combos.Count, 1) - 0.4, Row(channels.Count - 1, step) - (step * 0.7), max * 1.08);
        plot.HideGrid();
        return plot;
    }

    /// <summary>The height of channel <paramref name="index"/>'s row in the matrix, below the bars.</summary>
    private static double Row(int index, double step) => -(index + 1) * step;

    /// <summary>Four or five round values from 0 to <paramref name="max"/> for the bars' axis.</summary>
    private static List<double> Ticks(double max)
    {
        var raw = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
        var nice = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        return [.. Enumerable.Range(0, (int)(max / nice) + 1).Select(i => i * nice)];
    }
}
