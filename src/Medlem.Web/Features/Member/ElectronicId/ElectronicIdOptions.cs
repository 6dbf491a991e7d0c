using System.Net;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>
/// Sign-in with electronic ID over OpenID Connect, from configuration section
/// <c>Medlem:ElectronicId</c>. Any provider that puts the national identity number in an ID token
/// claim works: ID-porten (claim <c>pid</c>), or a broker for BankID. Without an authority and a
/// client id the feature is off: no button, and its pages answer 404.
/// </summary>
public sealed class ElectronicIdOptions
{
    public const string Section = "Medlem:ElectronicId";

    /// <summary>The issuer, e.g. <c>https://idporten.no</c>; its metadata is read from <c>/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret (client_secret_post). Keep it out of appsettings: user secrets or an environment variable.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated, as OpenID Connect writes them.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The ID token claim with the national identity number.</summary>
    public string PidClaim { get; set; } = "pid";

    /// <summary>Where the provider sends the person back; register <c>{site}{CallbackPath}</c> as the client's redirect URI.</summary>
    public string CallbackPath { get; set; } = "/elektronisk-id/callback";

    /// <summary>Optional <c>acr_values</c>, e.g. <c>idporten-loa-substantial</c> or <c>idporten-loa-high</c>.</summary>
    public string? AcrValues { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>
    /// True for a provider on this machine (127.0.0.1, localhost) while developing or testing: then
    /// plain http is allowed for the metadata, and the protocol cookies work over http too.
    /// Everywhere else the provider must be https.
    /// </summary>
    public bool IsLocalTestProvider(IHostEnvironment environment) =>
        (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        && Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));

    /// <summary>Stops the start on a half or unsafe configuration rather than failing at the first sign-in.</summary>
    public void Validate(IHostEnvironment environment)
    {
        if (!IsConfigured)
        {
            return;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !IsLocalTestProvider(environment)))
        {
            throw new InvalidOperationException($"{Section}:Authority must be an https URL (http only for a provider on 127.0.0.1 or localhost in Development or Testing).");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new InvalidOperationException($"{Section}:ClientSecret is required when {Section}:Authority is set.");
        }

        if (!CallbackPath.StartsWith('/') || string.IsNullOrWhiteSpace(PidClaim) || !Scopes.Split(' ').Contains("openid"))
        {
            throw new InvalidOperationException($"{Section}: CallbackPath must start with '/', PidClaim must be set, and Scopes must include openid.");
        }
    }
}
