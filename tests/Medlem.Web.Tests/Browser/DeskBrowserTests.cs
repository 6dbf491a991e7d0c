using System.Net;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Browser;

/// <summary>
/// The "done when", in a real browser against the real server on 127.0.0.1: desk staff
/// of Stavanger log in, find and edit a member, and cannot reach a Bergen member. Every page on
/// the way is checked with axe-core for WCAG 2.1 AA.
/// </summary>
public sealed class DeskBrowserTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _data = await TestConsortium.SeedAsync(_app);
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
    public async Task Desk_LogsIn_FindsAndEditsAMember_AndCannotSeeBergen()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _baseUrl, Locale = "nb-NO" });
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text + " @ " + message.Location + " on " + page.Url); };

        await page.GotoAsync("/");
        await Axe.AssertAccessibleAsync(page, "login");
        await page.GetByLabel("Brukernavn").FillAsync(TestConsortium.UserName("stavanger", StaffRoles.Desk));
        await page.GetByLabel("Passord").FillAsync(TestConsortium.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Medlemmer i bibliotekene" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "start");

        await page.GetByRole(AriaRole.Link, new() { Name = "Medlemmer", Exact = true }).ClickAsync();
        await page.GetByLabel("Navn, lånenummer, e-post eller mobil").FillAsync("nordmann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søk" }).ClickAsync();
        await Axe.AssertAccessibleAsync(page, "search");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kari Nordmann" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kari Nordmann", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "details");

        await page.GetByRole(AriaRole.Link, new() { Name = "Endre opplysninger" }).ClickAsync();
        await Axe.AssertAccessibleAsync(page, "edit");
        await page.GetByLabel("Etternavn").FillAsync("Nordmann-Ås");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lagret.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kari Nordmann-Ås", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/Members?q=bergmann");
        await Assertions.Expect(page.GetByText("Ingen medlemmer i ditt bibliotek passer med søket.")).ToBeVisibleAsync();
        Assert.True(consoleErrors.Count == 0, string.Join(Environment.NewLine, consoleErrors));
        var response = await page.GotoAsync($"/Members/Details/{_data.BergenMember.Id}");
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task RegisterAndAdminPages_AreAccessible()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _baseUrl });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Brukernavn").FillAsync(TestConsortium.UserName("stavanger", StaffRoles.Desk));
        await page.GetByLabel("Passord").FillAsync(TestConsortium.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.GotoAsync("/Members/Register");
        await Axe.AssertAccessibleAsync(page, "register");

        var admin = await _browser.NewPageAsync(new() { BaseURL = _baseUrl });
        await admin.GotoAsync("/Account/Login");
        await admin.GetByLabel("Brukernavn").FillAsync(TestConsortium.UserName("stavanger", StaffRoles.Administrator));
        await admin.GetByLabel("Passord").FillAsync(TestConsortium.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        foreach (var path in new[] { "/Admin/Libraries", "/Admin/Branches", "/Admin/MembershipTypes" })
        {
            await admin.GotoAsync(path);
            await Axe.AssertAccessibleAsync(admin, path);
        }
    }
}
