using System.Xml.Linq;
using Medlem.Core.Members.Cards;
using Xunit;

namespace Medlem.Core.Tests.Members.Cards;

public class Code128SvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_DrawsEachBarOfTheModules_AfterAQuietZoneOfTenModules()
    {
        // 1234567890 is 90 modules (Code128Tests); with ten quiet modules each side the drawing is 110 wide.
        var barcode = Code128.Encode("1234567890");
        var svg = XElement.Parse(Code128Svg.Render(barcode, "Strekkode for lånenummer 1234567890", moduleWidthPx: 3));

        Assert.Equal("0 0 110 64", (string?)svg.Attribute("viewBox"));
        Assert.Equal("330", (string?)svg.Attribute("width"));
        var bars = svg.Descendants(Svg + "g").Single().Elements(Svg + "rect")
            .Select(r => ((int)r.Attribute("x")!, (int)r.Attribute("width")!))
            .ToList();
        // Start C is 2-1-1-2-3-2: bars of 2, 1 and 3 modules at 0, 3 and 6; shifted by the quiet zone.
        Assert.Equal([(10, 2), (13, 1), (16, 3)], bars.Take(3));
        // The stop's last element is the 2-module termination bar, ending where the trailing quiet zone begins.
        Assert.Equal((98, 2), bars[^1]);
        // Every dark module is drawn exactly once, and nothing else.
        Assert.Equal(barcode.Modules.Count(c => c == '1'), bars.Sum(b => b.Item2));
        Assert.All(bars, b => Assert.Equal('1', barcode.Modules[b.Item1 - 10]));
    }

    [Fact]
    public void Render_ShowsTheNumberUnderTheBars_AndNamesTheImage()
    {
        var svg = XElement.Parse(Code128Svg.Render(Code128.Encode("STAV0001"), "Barcode of card <STAV0001>"));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Barcode of card <STAV0001>", (string?)svg.Attribute("aria-label"));
        Assert.Equal("STAV0001", svg.Element(Svg + "text")!.Value);
        // The background is white and the bars black, for screens in dark mode and for print.
        Assert.Equal("#fff", (string?)svg.Element(Svg + "rect")!.Attribute("fill"));
        Assert.Equal("#000", (string?)svg.Element(Svg + "g")!.Attribute("fill"));
    }
}
