using Microsoft.AspNetCore.Authentication.Cookies;

namespace Medlem.Web.Infrastructure;

/// <summary>An API caller gets 401/403 problem details, not a redirect to the login page.</summary>
public static class ApiCookieEvents
{
    public static CookieAuthenticationEvents ForApiPaths() => new()
    {
        OnRedirectToLogin = context => Respond(context, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = context => Respond(context, StatusCodes.Status403Forbidden),
    };

    private static Task Respond(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status).ExecuteAsync(context.HttpContext);
    }
}
