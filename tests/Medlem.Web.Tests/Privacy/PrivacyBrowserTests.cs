using System.Net;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Privacy;

/// <summary>
/// The privacy pages in Chromium with axe-core (WCAG 2.1 AA): the public privacy notice, the DPO's data map,
/// record, request queue and retention page, and the desk's consents and request form — used as staff use them.
/// </summary>
public sealed class PrivacyBrowserTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";
    private TestConsortium _c = null!;

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _c = await TestConsortium.SeedAsync(_app);
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

    private async Task<IPage> LoginAsync(StaffRoles role)
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _baseUrl, Locale = "nb-NO" });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Brukernavn").FillAsync(TestConsortium.UserName("stavanger", role));
        await page.GetByLabel("Passord").FillAsync(TestConsortium.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task TheDeskRecordsAConsentAndARequest_TheDpoReadsTheMapAndTheQueue_AllAccessibly()
    {
        var visitor = await _browser.NewPageAsync(new() { BaseURL = _baseUrl, Locale = "nb-NO" });
        await visitor.GotoAsync("/personvern/stavanger");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Personvernerklæring", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(visitor, "privacy notice");

        var desk = await LoginAsync(StaffRoles.Desk);
        await desk.GotoAsync($"/Members/Consents/{_c.StavangerMembership.Id}");
        await Axe.AssertAccessibleAsync(desk, "consents");
        await desk.GetByRole(AriaRole.Row, new() { Name = "Nyhetsbrev" }).GetByRole(AriaRole.Button, new() { Name = "Registrer samtykke" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lagret.");
        await Assertions.Expect(desk.GetByRole(AriaRole.Row, new() { Name = "Nyhetsbrev" }).GetByRole(AriaRole.Button, new() { Name = "Trekk tilbake" })).ToBeVisibleAsync();

        await desk.GotoAsync($"/Privacy/Requests/New/{_c.StavangerMember.Id}");
        await Axe.AssertAccessibleAsync(desk, "new request");
        await desk.GetByLabel("Gjelder").SelectOptionAsync(new SelectOptionValue { Label = "Sletting" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Registrer" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Sletting", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(desk, "request details");

        var dpo = await LoginAsync(StaffRoles.DataProtectionOfficer);
        foreach (var (path, name) in new[] { ("/Privacy/DataMap", "data map"), ("/Privacy/DataMap/Record", "record of processing"), ("/Privacy/Requests", "request queue"), ("/Privacy/Retention", "retention"), ("/Privacy/Breaches", "breaches") })
        {
            await dpo.GotoAsync(path);
            await Axe.AssertAccessibleAsync(dpo, name);
        }

        await dpo.GotoAsync("/Privacy/Requests");
        await Assertions.Expect(dpo.GetByRole(AriaRole.Link, new() { Name = "Sletting" })).ToBeVisibleAsync();
    }
}
