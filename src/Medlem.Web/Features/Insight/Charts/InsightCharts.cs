using System.Xml.Linq;
using Medlem.Core.Insight;
using ScottPlot;

namespace Medlem.Web.Features.Insight.Charts;

/// <summary>
/// A table's chart as inline SVG, drawn on the server by ScottPlot. The SVG is an image to
/// assistive technology (role="img"), named by the table's heading and described by its
/// findings; the table beside it carries the figures. It scales with the page (a viewBox, no
/// fixed size) and carries no style attributes, which the content security policy would block.
/// </summary>
public static class InsightCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The chart's SVG, or null when the table has none or nothing to draw.</summary>
    public static string? Render(InsightTable table, InsightText text, int threshold, string labelledBy, string? describedBy)
    {
        if (table.Chart.Kind == ChartKind.None || table.Rows.Count == 0
            || !table.Rows.Any(r => table.Chart.Columns.Any(c => r.Cells[c].Suppressed || r.Cells[c].Value is not null)))
        {
            return null;
        }

        var plot = table.Chart.Kind switch
        {
            ChartKind.Lines => LineChart.Draw(table, text, threshold),
            ChartKind.UpSet => UpSetChart.Draw(table, text, threshold),
            _ => BarChart.Draw(table, text, threshold),
        };
        return Finish(plot.GetSvgXml(ChartStyle.Width, ChartStyle.Height), labelledBy, describedBy);
    }

    private static string Finish(string svg, string labelledBy, string? describedBy)
    {
        var document = XDocument.Parse(svg);
        var root = document.Root!;
        root.SetAttributeValue("viewBox", $"0 0 {ChartStyle.Width} {ChartStyle.Height}");
        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("class", "chart");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("focusable", "false");
        root.SetAttributeValue("aria-labelledby", labelledBy);
        root.SetAttributeValue("aria-describedby", describedBy);
        foreach (var element in root.DescendantsAndSelf())
        {
            element.SetAttributeValue("style", null);
            if (element.Name == Svg + "text")
            {
                // Skia writes a position per glyph ("0, 3.3, 10.9, "), measured with its own font; the
                // browser lays the glyphs out itself from the first one, in whatever font it has.
                element.SetAttributeValue("x", First(element.Attribute("x")?.Value));
                element.SetAttributeValue("y", First(element.Attribute("y")?.Value));
                element.SetAttributeValue("font-family", ChartStyle.FontFamily);
                element.Value = element.Value.Trim();
            }
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static string? First(string? positions) => positions?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
