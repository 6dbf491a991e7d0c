using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Privacy;

/// <summary>
/// The privacy pages in Chromium with axe-core (WCAG 2.1 AA): the public privacy notice, the DPO's data map,
/// record, request queue and retention page, and the desk's consents and request form — used as staff use them.
/// </summary>
public sealed class PrivacyBrowserTests : IAsyncLifetime
{
    private BrowserApp _b = null!;
    private TestConsortium _c = null!;

    public async ValueTask InitializeAsync()
    {
        _b = await BrowserApp.StartAsync();
        _c = _b.Data;
    }

    public async ValueTask DisposeAsync() => await _b.DisposeAsync();

    private Task<IPage> LoginAsync(StaffRoles role) => _b.LoginAsync("stavanger", role);

    [Fact]
    public async Task TheDeskRecordsAConsentAndARequest_TheDpoReadsTheMapAndTheQueue_AllAccessibly()
    {
        var visitor = await _b.Browser.NewPageAsync(new() { BaseURL = _b.BaseUrl, Locale = "nb-NO" });
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
