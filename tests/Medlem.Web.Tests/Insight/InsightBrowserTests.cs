using System.Net;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Insight;

/// <summary>
/// Stavanger's analyst opens the dashboard and the printable report in Chromium: charts drawn,
/// nothing blocked by the content security policy, and no WCAG 2.1 AA violation found by axe-core.
/// </summary>
public sealed class InsightBrowserTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await InsightData.SeedAsync(_app, await TestConsortium.SeedAsync(_app));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Analyst_ReadsTheDashboardAndTheReport_Accessibly()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _baseUrl, Locale = "nb-NO" });
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text + " on " + page.Url); };
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Brukernavn").FillAsync(TestConsortium.UserName("stavanger", StaffRoles.Analyst));
        await page.GetByLabel("Passord").FillAsync(TestConsortium.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

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
