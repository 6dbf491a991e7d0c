using Medlem.Core.Members.ElectronicId;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>
/// Registers the "ElectronicId" OpenID Connect scheme (when configured) and its services. The
/// scheme only ever signs in to the member cookie, with the member principal the events build;
/// the provider's own claims are never kept.
/// </summary>
public static class ElectronicIdSetup
{
    public static AuthenticationBuilder AddElectronicId(this AuthenticationBuilder authentication, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ElectronicIdOptions.Section).Get<ElectronicIdOptions>() ?? new ElectronicIdOptions();
        settings.Validate(environment);
        var services = authentication.Services;
        services.AddSingleton(settings);
        services.AddScoped<ElectronicIdSubjects>();
        services.AddScoped<UpgradeWithElectronicId>();
        services.AddScoped<SignInWithElectronicId>();
        services.AddScoped<ElectronicIdEvents>();
        if (!settings.IsConfigured)
        {
            return authentication;
        }

        var localTestProvider = settings.IsLocalTestProvider(environment);
        return authentication.AddOpenIdConnect(ElectronicIdChallenge.Scheme, options =>
        {
            options.SignInScheme = MemberPrincipal.Scheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.CallbackPath = settings.CallbackPath;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                options.Scope.Add(scope);
            }

            // The claims as the provider names them (pid, sub), nothing fetched or kept beyond the ID token.
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;
            options.DisableTelemetry = true;
            options.RequireHttpsMetadata = !localTestProvider;
            options.EventsType = typeof(ElectronicIdEvents);

            // The round trip is timed by the browser's and the provider's clocks (cookie expiry, the
            // nonce's age, the token's lifetime), never by the register's clock, which tests move.
            options.TimeProvider = TimeProvider.System;

            if (localTestProvider)
            {
                // Over plain http the protocol cookies cannot be Secure, and SameSite=None needs
                // Secure; the test provider on 127.0.0.1 is the same site, so Lax carries them.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
        });
    }
}
