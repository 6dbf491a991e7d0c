using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Member.ElectronicId;

/// <summary>A person the test provider can sign in: subject, national identity number (the pid claim; null for none) and name.</summary>
public sealed record TestAccount(string Sub, string? Pid, string Name);

/// <summary>
/// The real OpenID Connect provider of tests/servers/oidc-provider.mjs (panva's oidc-provider) on
/// 127.0.0.1, with one confidential client and the given accounts, and its test switch for ID
/// tokens with a bad signature or a wrong audience.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "medlem-test-client";
    public const string ClientSecret = "medlem-test-secret-0123456789";

    /// <summary>The redirect URI of an application under WebApplicationFactory's test server (http://localhost).</summary>
    public const string TestServerRedirectUri = "http://localhost/elektronisk-id/callback";

    private readonly Process _process;
    private readonly HttpClient _admin;

    private OidcProvider(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
        _admin = new HttpClient { BaseAddress = new Uri(issuer) };
    }

    public string Issuer { get; }

    public static async Task<OidcProvider> StartAsync(IEnumerable<TestAccount> accounts, string redirectUri = TestServerRedirectUri)
    {
        var settings = JsonSerializer.Serialize(new
        {
            client = new { client_id = ClientId, client_secret = ClientSecret, redirect_uris = new[] { redirectUri } },
            accounts = accounts.Select(a => new { sub = a.Sub, pid = a.Pid, name = a.Name }),
        });
        var (process, ready) = await NodeServers.StartAsync("oidc-provider.mjs", settings);
        return new OidcProvider(process, ready.GetProperty("issuer").GetString()!);
    }

    /// <summary>The settings that make the application use this provider for electronic ID.</summary>
    public void Configure(MedlemApplication app)
    {
        app.Settings["Medlem:ElectronicId:Authority"] = Issuer;
        app.Settings["Medlem:ElectronicId:ClientId"] = ClientId;
        app.Settings["Medlem:ElectronicId:ClientSecret"] = ClientSecret;
    }

    /// <summary>"normal", "bad-signature" or "wrong-audience": what the token endpoint hands out from now on.</summary>
    public async Task SetModeAsync(string mode) =>
        (await _admin.PostAsJsonAsync("/__test/mode", new { mode })).EnsureSuccessStatusCode();

    /// <summary>For a browser test, whose application learns its port only once started.</summary>
    public async Task SetRedirectUriAsync(string redirectUri) =>
        (await _admin.PostAsJsonAsync("/__test/client", new { redirect_uris = new[] { redirectUri } })).EnsureSuccessStatusCode();

    /// <summary>A client with its own cookies, standing in for the browser's visit to the provider.</summary>
    public static HttpClient NewBrowserSide() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await NodeServers.StopAsync(_process);
    }
}
