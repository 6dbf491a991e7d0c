using System.Diagnostics;
using System.Globalization;
using System.Net;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>
/// The "done when", in Debian's Chromium on a phone-sized screen (390×844) against the
/// real server on 127.0.0.1 and a real SMTP server: a person with only an e-mail address fills
/// /bli-medlem, reads the mail, opens the link and lands signed in with a digital membership.
/// Every page on the way, and /glemt-pin and /logg-inn, pass axe-core's WCAG 2.1 AA rules.
/// The flow's time is printed (a benchmark figure, not an assertion).
/// </summary>
public sealed class JoinBrowserTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private SmtpCatcher _smtp = null!;
    private IPlaywright? _playwright;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _smtp = await SmtpCatcher.StartAsync();
        _smtp.Configure(_app);
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await TestConsortium.SeedAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task APersonWithOnlyAnEmailAddress_BecomesADigitalMember_OnAPhone()
    {
        var page = await PhonePageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text + " on " + page.Url); };
        var flow = Stopwatch.StartNew();

        await page.GotoAsync("/bli-medlem");
        await PauseAsync(flow, () => Axe.AssertAccessibleAsync(page, "/bli-medlem"));
        await page.GetByLabel("Fornavn").FillAsync(JoinFlow.GivenName);
        await page.GetByLabel("Etternavn").FillAsync(JoinFlow.FamilyName);
        await page.GetByLabel("E-postadresse").FillAsync(JoinFlow.Email);
        await page.GetByLabel("Fødselsår").FillAsync("1990");
        await page.GetByLabel("Bibliotek").SelectOptionAsync("stavanger");
        await page.GetByLabel("Velg passord").FillAsync(JoinFlow.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bli medlem" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sjekk e-posten din" })).ToBeVisibleAsync();
        await PauseAsync(flow, () => Axe.AssertAccessibleAsync(page, "check your e-mail"));
        var link = await JoinFlow.LinkAsync(_smtp, JoinFlow.Email, MemberLinkUrls.ConfirmEmailPath);
        Assert.StartsWith(_baseUrl, link.ToString(), StringComparison.Ordinal); // built from the request: the link opens this server

        await page.GotoAsync(link.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bekreft e-postadressen" })).ToBeVisibleAsync();
        await PauseAsync(flow, () => Axe.AssertAccessibleAsync(page, "/bekreft-epost"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft e-postadressen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Digitalt medlem – Stavanger bibliotek" })).ToBeVisibleAsync();
        flow.Stop();
        await Axe.AssertAccessibleAsync(page, "welcome");
        var membership = await JoinFlow.MembershipOfAsync(_app, JoinFlow.Email);
        await Assertions.Expect(page.GetByText(membership.Cards.Single().Number)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".who")).ToHaveTextAsync(JoinFlow.GivenName); // signed in
        Assert.True(consoleErrors.Count == 0, string.Join(Environment.NewLine, consoleErrors));

        // Five fields typed, one chosen, three presses: well under a minute for a person; the machine's time is printed.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sign-up flow from opening /bli-medlem to signed in with a digital membership (mail over SMTP included, axe excluded): {flow.Elapsed.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[JoinBrowserTests] sign-up flow: {flow.Elapsed.TotalSeconds:F2} s"));
    }

    [Fact]
    public async Task TheOtherMemberPages_AreAccessible_WithErrorsShownToo()
    {
        var page = await PhonePageAsync();

        await page.GotoAsync("/bli-medlem");
        await page.GetByLabel("Fødselsår").FillAsync("2012");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bli medlem" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("E-postadressen til en foresatt")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "/bli-medlem with errors");

        await page.GotoAsync("/glemt-pin");
        await Axe.AssertAccessibleAsync(page, "/glemt-pin");
        await page.GetByLabel("E-postadresse", new() { Exact = true }).FillAsync("kari.nordmann@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send meg en lenke" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Hvis vi kjenner deg");
        await Axe.AssertAccessibleAsync(page, "/glemt-pin sent");

        var reset = await JoinFlow.LinkAsync(_smtp, "kari.nordmann@example.org", MemberLinkUrls.ResetSecretPath);
        await page.GotoAsync(reset.ToString());
        await Axe.AssertAccessibleAsync(page, "/ny-pin");
        await page.GetByLabel("Ny PIN-kode").FillAsync("97531");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Lagret.");

        await page.GotoAsync("/bekreft-epost?t=" + Core.Members.SignUp.MemberLinkTokens.NewToken());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lenken virker ikke" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "bad link");

        await page.GotoAsync("/logg-inn?bibliotek=stavanger");
        await Axe.AssertAccessibleAsync(page, "/logg-inn");
        await page.GetByLabel("Kortnummer").FillAsync("STAV0001");
        await page.GetByLabel("PIN-kode").FillAsync("97531");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).First.ClickAsync();
        await page.WaitForURLAsync("**/min-side");
        await page.GotoAsync("/bli-medlem");
        await Assertions.Expect(page.Locator(".who")).ToHaveTextAsync("Kari"); // signed in with the PIN chosen through the link
    }

    private async Task<IPage> PhonePageAsync() =>
        await _browser.NewPageAsync(new() { BaseURL = _baseUrl, Locale = "nb-NO", ViewportSize = new() { Width = 390, Height = 844 } });

    /// <summary>Runs a check with the flow's clock stopped: axe's time is the test's, not the person's.</summary>
    private static async Task PauseAsync(Stopwatch flow, Func<Task> check)
    {
        flow.Stop();
        await check();
        flow.Start();
    }
}
