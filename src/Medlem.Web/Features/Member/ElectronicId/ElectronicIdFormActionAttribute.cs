using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>
/// On a page whose form starts an electronic-ID sign-in, lets that form's redirect reach the
/// provider. The site's content security policy says <c>form-action 'self'</c>, and browsers apply
/// it to the redirects that follow a form post too; so this page's policy also names the origin of
/// the provider's authorization endpoint (from its metadata), and nothing else.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ElectronicIdFormActionAttribute : ResultFilterAttribute
{
    private const string SelfOnly = "form-action 'self'";

    public override async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<ElectronicIdOptions>();
        var policy = http.Response.Headers.ContentSecurityPolicy.ToString();
        if (settings.IsConfigured && policy.Contains(SelfOnly, StringComparison.Ordinal))
        {
            var origin = await AuthorizationOriginAsync(http, settings);
            http.Response.Headers.ContentSecurityPolicy = policy.Replace(SelfOnly, $"{SelfOnly} {origin}", StringComparison.Ordinal);
        }

        await next();
    }

    private static async Task<string> AuthorizationOriginAsync(HttpContext http, ElectronicIdOptions settings)
    {
        var fallback = new Uri(settings.Authority!).GetLeftPart(UriPartial.Authority);
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ElectronicIdChallenge.Scheme);
        try
        {
            var metadata = options.ConfigurationManager is { } manager ? await manager.GetConfigurationAsync(http.RequestAborted) : null;
            return Uri.TryCreate(metadata?.AuthorizationEndpoint, UriKind.Absolute, out var endpoint) ? endpoint.GetLeftPart(UriPartial.Authority) : fallback;
        }
        catch (InvalidOperationException)
        {
            // The provider's metadata is out of reach now; the sign-in would fail anyway, with its own error page.
            return fallback;
        }
    }
}
