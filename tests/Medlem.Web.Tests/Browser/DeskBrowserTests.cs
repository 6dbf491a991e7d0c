using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Browser;

/// <summary>
/// The "done when", in a real browser against the real server on 127.0.0.1: desk staff
/// of Stavanger log in, find and edit a member, and cannot reach a Bergen member. Every page on
/// the way is checked with axe-core for WCAG 2.1 AA.
/// </summary>
public sealed class DeskBrowserTests : IAsyncLifetime
{
    private BrowserApp _b = null!;

    public async ValueTask InitializeAsync() => _b = await BrowserApp.StartAsync();

    public async ValueTask DisposeAsync() => await _b.DisposeAsync();

    [Fact]
    public async Task Desk_LogsIn_FindsAndEditsAMember_AndCannotSeeBergen()
    {
        var page = await _b.Browser.NewPageAsync(new() { BaseURL = _b.BaseUrl, Locale = "nb-NO" });
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
        var response = await page.GotoAsync($"/Members/Details/{_b.Data.BergenMember.Id}");
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task RegisterAndAdminPages_AreAccessible()
    {
        var page = await _b.Browser.NewPageAsync(new() { BaseURL = _b.BaseUrl });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Brukernavn").FillAsync(TestConsortium.UserName("stavanger", StaffRoles.Desk));
        await page.GetByLabel("Passord").FillAsync(TestConsortium.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.GotoAsync("/Members/Register");
        await Axe.AssertAccessibleAsync(page, "register");

        var admin = await _b.Browser.NewPageAsync(new() { BaseURL = _b.BaseUrl });
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
