using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// The application on a real Kestrel port on 127.0.0.1 with the test consortium, and Debian's
/// Chromium driven by Playwright (<see cref="Chromium"/>: skipped without it, never under CI).
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private IPlaywright? _playwright;

    private BrowserApp(MedlemApplication app) => App = app;

    public MedlemApplication App { get; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public TestConsortium Data { get; private set; } = null!;

    public static async Task<BrowserApp> StartAsync()
    {
        var started = new BrowserApp(new MedlemApplication());
        (started._playwright, started.Browser) = await Chromium.LaunchAsync();
        started.App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        started.App.StartServer();
        started.BaseUrl = started.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        started.Data = await TestConsortium.SeedAsync(started.App);
        return started;
    }

    /// <summary>A new page in Bokmål, signed in as the role's demo user of <paramref name="library"/>.</summary>
    public async Task<IPage> LoginAsync(string library, Core.Consortium.StaffRoles role)
    {
        var page = await Browser.NewPageAsync(new() { BaseURL = BaseUrl, Locale = "nb-NO" });
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Brukernavn").FillAsync(TestConsortium.UserName(library, role));
        await page.GetByLabel("Passord").FillAsync(TestConsortium.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
            _playwright?.Dispose();
        }

        await App.DisposeAsync();
    }
}
