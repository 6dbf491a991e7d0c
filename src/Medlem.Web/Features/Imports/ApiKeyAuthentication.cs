using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// Connected systems post activity with the header <c>X-Api-Key</c> and nothing else: this scheme
/// is the only one its policy asks, so a staff cookie never counts there (and a forged form
/// cannot post in a signed-in browser's name). The key decides the library; requests name none.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ActivityApiKey";
    public const string Policy = "ActivitySource";
    public const string HeaderName = "X-Api-Key";
    public const string SourceClaim = "medlem:source";
    public const string LibraryClaim = "medlem:library";

    public static IServiceCollection AddActivityApiKeys(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, displayName: null, _ => { });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SourceClaim)
            .RequireClaim(LibraryClaim));
        return services;
    }

    /// <summary>The source that signed the request; endpoints are reachable only through <see cref="Policy"/>, so it is there.</summary>
    public static (int SourceId, int LibraryId, string Name) Source(this HttpContext context)
    {
        var user = context.User;
        return (
            int.Parse(user.FindFirstValue(SourceClaim)!, CultureInfo.InvariantCulture),
            int.Parse(user.FindFirstValue(LibraryClaim)!, CultureInfo.InvariantCulture),
            user.FindFirstValue(ClaimTypes.Name)!);
    }
}

internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, MedlemDbContext db, JsonTexts texts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyAuthentication.HeaderName];
        if (presented.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        // The failure message is logged: it names no key.
        if (presented.Count > 1 || await ApiKeys.FindAsync(db, presented[0] ?? "", Context.RequestAborted) is not { } source)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ApiKeyAuthentication.SourceClaim, source.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ApiKeyAuthentication.LibraryClaim, source.LibraryId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, source.Name),
            ],
            ApiKeyAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyAuthentication.HeaderName}\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: texts["import.api.key-refused"]).ExecuteAsync(Context);
    }
}
