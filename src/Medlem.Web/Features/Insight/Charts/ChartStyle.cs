using Medlem.Core.Insight;
using ScottPlot;

namespace Medlem.Web.Features.Insight.Charts;

/// <summary>
/// What every chart shares: the page's sans font and colours (site.css: --ink, --muted, --line,
/// --accent), a plain white frame, and how a cell becomes a point. A hidden or empty cell has no
/// value at all, so it is drawn as missing, never as zero.
/// </summary>
internal static class ChartStyle
{
    public const int Width = 640;
    public const int Height = 320;

    /// <summary>
    /// A sans family for the chart's text. ScottPlot measures labels with DejaVu Sans to place them, so the
    /// browser is asked for DejaVu Sans first, then the sans faces closest to it in width.
    /// </summary>
    public const string FontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

    public static readonly Color Ink = Color.FromHex("#1b1b1f");
    public static readonly Color Muted = Color.FromHex("#4a4a55");
    public static readonly Color Line = Color.FromHex("#c9c9d3");
    public static readonly Color Soft = Color.FromHex("#e4e6ec");

    /// <summary>Series colours, each at least 3:1 against white (WCAG 1.4.11): blue (the page's accent), burnt orange, green, purple.</summary>
    public static readonly Color[] Series = [Color.FromHex("#0b5cad"), Color.FromHex("#b3541e"), Color.FromHex("#1d6b2f"), Color.FromHex("#6b3fa0")];

    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Muted);
        plot.Grid.MajorLineColor = Soft;
        plot.Axes.Top.FrameLineStyle.IsVisible = false;
        plot.Axes.Right.FrameLineStyle.IsVisible = false;
        return plot;
    }

    /// <summary>A cell's value to plot: shares in percent; null when hidden or not applicable.</summary>
    public static double? Value(InsightCell cell) =>
        cell.Suppressed || cell.Value is not { } value ? null
        : cell.Kind == CellKind.Share ? value * 100
        : value;

    /// <summary>The value axis' title when every plotted column is a share.</summary>
    public static void LabelValueAxis(Plot plot, InsightTable table, InsightText text)
    {
        if (table.Chart.Columns.All(c => table.Rows.Count > 0 && table.Rows[0].Cells[c].Kind == CellKind.Share))
        {
            plot.Axes.Left.Label.Text = text["insight.chart.percent"];
        }
    }

    /// <summary>Labels under the x axis at the row positions; slanted when there are many.</summary>
    public static void CategoryTicks(Plot plot, IReadOnlyList<string> labels)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (labels.Count > 6 || labels.Any(l => l.Length > 12))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
    }

    /// <summary>A legend of the plotted columns, when there is more than one.</summary>
    public static void Legend(Plot plot, InsightTable table, InsightText text)
    {
        if (table.Chart.Columns.Count < 2)
        {
            return;
        }

        for (var j = 0; j < table.Chart.Columns.Count; j++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text.Column(table.Columns[table.Chart.Columns[j]]), FillColor = Series[j % Series.Length] });
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.OutlineWidth = 0;
    }

    /// <summary>"&lt;5" where a hidden bar or point would be, so a gap is read as hidden, not as nothing.</summary>
    public static void HiddenMark(Plot plot, double x, double y, int threshold)
    {
        var mark = plot.Add.Text(InsightText.Hidden(threshold), x, y);
        mark.LabelFontSize = 11;
        mark.LabelFontColor = Muted;
        mark.LabelAlignment = Alignment.LowerCenter;
    }
}
