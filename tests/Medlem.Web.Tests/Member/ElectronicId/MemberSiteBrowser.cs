using System.Net;
using Medlem.Web.Features.Member.Guardian;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Member.ElectronicId;

/// <summary>
/// Like <see cref="BrowserApp"/>, for member pages that need settings before the start (an OpenID
/// Connect provider, an SMTP server): Chromium first (skipped without it, never under CI), then
/// the application on a real port on 127.0.0.1 with the test consortium, phone-sized pages.
/// </summary>
public sealed class MemberSiteBrowser : IAsyncDisposable
{
    private IPlaywright _playwright = null!;

    public MedlemApplication App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public TestConsortium Data { get; private set; } = null!;

    /// <summary>Starts Chromium only; <see cref="StartAppAsync"/> follows once the test servers are up.</summary>
    public static async Task<MemberSiteBrowser> LaunchAsync()
    {
        var started = new MemberSiteBrowser();
        (started._playwright, started.Browser) = await Chromium.LaunchAsync();
        return started;
    }

    public async Task StartAppAsync(Action<MedlemApplication> configure)
    {
        configure(App);
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // Links in member mail point at this server.
        App.Services.GetRequiredService<IConfiguration>()[MemberLinkUrls.PublicUrlKey] = BaseUrl;
        Data = await TestConsortium.SeedAsync(App);
    }

    /// <summary>A new phone-sized page (390×844) in Bokmål.</summary>
    public Task<IPage> NewPhonePageAsync() =>
        Browser.NewPageAsync(new() { BaseURL = BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = 390, Height = 844 } });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
