using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Insight;

/// <summary>
/// Stavanger's analyst opens the dashboard and the printable report in Chromium: charts drawn,
/// nothing blocked by the content security policy, and no WCAG 2.1 AA violation found by axe-core.
/// </summary>
public sealed class InsightBrowserTests : IAsyncLifetime
{
    private BrowserApp _b = null!;

    public async ValueTask InitializeAsync()
    {
        _b = await BrowserApp.StartAsync();
        await InsightData.SeedAsync(_b.App, _b.Data);
    }

    public async ValueTask DisposeAsync() => await _b.DisposeAsync();

    [Fact]
    public async Task Analyst_ReadsTheDashboardAndTheReport_Accessibly()
    {
        var page = await _b.LoginAsync("stavanger", StaffRoles.Analyst);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text + " on " + page.Url); };

        await page.GetByRole(AriaRole.Link, new() { Name = "Innsikt", Exact = true }).ClickAsync();
        await page.GetByLabel("Periode").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Aldersgrupper" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Kanaler i kombinasjon" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rapport for utskrift" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Brukerinnsikt: Stavanger bibliotek, 2026", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "report");
        Assert.True(consoleErrors.Count == 0, string.Join(Environment.NewLine, consoleErrors));
    }
}
