using System.Globalization;
using System.Security;
using System.Text;

namespace Medlem.Core.Members.Cards;

/// <summary>
/// Draws a <see cref="Code128Barcode"/> as SVG: black bars on white, a quiet zone of ten
/// modules on each side (ISO/IEC 15417's minimum), and the text under the bars for a person to
/// read and type. Coordinates are in modules, so bar edges fall on whole units; the drawn size
/// comes from the module width given to <see cref="Render"/>.
/// </summary>
public static class Code128Svg
{
    public const int QuietZoneModules = 10;

    /// <summary>Tall bars forgive a scanner held at an angle; ISO/IEC 15417 asks at least 15 % of the width.</summary>
    private const int BarHeightModules = 50;

    private const int TextHeightModules = 14;

    /// <summary>The SVG element, for inline use in a page.</summary>
    /// <param name="barcode">What to draw.</param>
    /// <param name="label">
    /// The accessible name, in the reader's language (e.g. "Strekkode for lånenummer 1234567890").
    /// </param>
    /// <param name="moduleWidthPx">
    /// Width of one module (the X-dimension) at full size. Three pixels (about 0.8 mm at CSS's 96
    /// per inch) suits a phone screen held to a desk scanner and prints well above the 0.25 mm
    /// that laser scanners resolve; the page may shrink it to fit a narrow screen.
    /// </param>
    public static string Render(Code128Barcode barcode, string label, int moduleWidthPx = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleWidthPx, 1);
        var modules = barcode.Modules;
        var width = modules.Length + (2 * QuietZoneModules);
        var height = BarHeightModules + TextHeightModules;
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"barcode\" role=\"img\" aria-label=\"{SecurityElement.Escape(label)}\" ");
        svg.Append(CultureInfo.InvariantCulture,
            $"viewBox=\"0 0 {width} {height}\" width=\"{width * moduleWidthPx}\" height=\"{height * moduleWidthPx}\" shape-rendering=\"crispEdges\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>");
        svg.Append("<g fill=\"#000\">");
        foreach (var (start, length) in DarkRuns(modules))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{QuietZoneModules + start}\" y=\"0\" width=\"{length}\" height=\"{BarHeightModules}\"/>");
        }

        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{width / 2}\" y=\"{BarHeightModules + TextHeightModules - 3}\" text-anchor=\"middle\" font-family=\"monospace\" font-size=\"10\" fill=\"#000\">");
        svg.Append(SecurityElement.Escape(barcode.Text));
        svg.Append("</text></svg>");
        return svg.ToString();
    }

    /// <summary>Each bar as (first module, modules wide).</summary>
    public static IEnumerable<(int Start, int Length)> DarkRuns(string modules)
    {
        var i = 0;
        while (i < modules.Length)
        {
            if (modules[i] != '1')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < modules.Length && modules[i] == '1')
            {
                i++;
            }

            yield return (start, i - start);
        }
    }
}
