using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Medlem.Web.Tests.Insight;

/// <summary>The dashboard page and its exports: hidden cells as "&lt;5" everywhere, files that open, the page in English.</summary>
public sealed partial class InsightPageTests : InsightTest
{
    [Fact]
    public async Task Page_ShowsChartsTablesAndFindings_AndAHiddenCellAsLessThanK()
    {
        var page = await Analyst.GetStringAsync("/innsikt?period=2026", TestContext.Current.CancellationToken);
        Assert.Contains("<h1>Brukerinnsikt</h1>", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" focusable=\"false\" aria-labelledby=\"t-overlap\" aria-describedby=\"f-overlap\"", page, StringComparison.Ordinal);
        Assert.Contains("Medlemmer i alderen 45–66 lånte i snitt 0,8 ganger, færrest av alle aldersgrupper; 30–44 lånte mest (1,2).", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Registrerte medlemmer</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", page, StringComparison.Ordinal);

        var row = HiddenRow(page);
        Assert.Equal(4, Regex.Count(row, "<span aria-hidden=\"true\">&lt;5</span><span class=\"visually-hidden\">skjult: færre enn 5 personer</span>"));
        Assert.DoesNotContain(">2<", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ReadsInEnglish()
    {
        var page = await Analyst.GetStringAsync("/Insight?period=2026&ui-culture=en", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>User insight</h1>", page, StringComparison.Ordinal);
        // Numbers are written nb-NO whatever the language (LocalizationSetup).
        Assert.Contains("Members aged 45–66 borrowed 0,8 times on average, the fewest of all age bands; 30–44 borrowed most (1,2).", page, StringComparison.Ordinal);
        Assert.Contains("hidden: fewer than 5 people", page, StringComparison.Ordinal);
        Assert.Contains("March 2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_HasEveryTable_AndNoNavigation()
    {
        var report = await Analyst.GetStringAsync("/Insight/Report?period=2026", TestContext.Current.CancellationToken);
        Assert.Equal(14, Regex.Count(report, "<section class=\"insight\""));
        Assert.DoesNotContain("<nav", report, StringComparison.Ordinal);
        Assert.Contains("&lt;5", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_IsSemicolonSeparatedUtf8ForNorwegianExcel_WithHiddenCellsAsLessThanK()
    {
        var response = await Analyst.GetAsync("/Insight?handler=Csv&period=2026", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Contains("Registrerte medlemmer;15;15", lines);
        Assert.Contains("Passiv andel;46,7%;100,0%", lines);
        Assert.Contains("Utlån per medlem;0,8;", lines);
        Assert.Contains("30–44;5;<5;1,2;1,0", lines);
        Assert.Contains($"{InsightData.HiddenBand};<5;<5;<5;<5", lines);
        Assert.Equal("", lines[^1]);
        Assert.Equal(14, lines[..^1].Count(l => l.Length == 0)); // a blank line before each table
    }

    [Fact]
    public async Task NationalCsv_HasOnlyTheNationalTables()
    {
        var csv = await Analyst.GetStringAsync("/Insight?handler=Csv&period=2026&table=national&table=national-events", TestContext.Current.CancellationToken);
        Assert.Contains("Nasjonal bibliotekstatistikk", csv, StringComparison.Ordinal);
        Assert.Contains("Utlån til barn (0–14 år);1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Aldersgrupper", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_IsAWorkbookWithASheetPerTable_AndHiddenCellsAsLessThanK()
    {
        var response = await Analyst.GetAsync("/Insight?handler=Xlsx&period=2026", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        var sheets = workbook.Descendants(ns + "sheet").Select(s => s.Attribute("name")!.Value).ToList();
        Assert.Equal(14, sheets.Count);
        Assert.Contains("Aldersgrupper", sheets);

        var sheet = XDocument.Load(zip.GetEntry($"xl/worksheets/sheet{sheets.IndexOf("Aldersgrupper") + 1}.xml")!.Open());
        var row = sheet.Descendants(ns + "row").Single(r => r.Descendants().Any(e => e.Value == InsightData.HiddenBand));
        var cells = row.Elements(ns + "c").Skip(1).ToList();
        Assert.Equal(4, cells.Count);
        Assert.All(cells, c => Assert.Equal("<5", c.Value));
    }

    private static string HiddenRow(string page)
    {
        var section = page[page.IndexOf("id=\"age-bands\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var start = section.IndexOf($"<th scope=\"row\">{InsightData.HiddenBand}</th>", StringComparison.Ordinal);
        return section[start..section.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
