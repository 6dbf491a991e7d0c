using Microsoft.AspNetCore.Localization;

namespace Medlem.Web.Infrastructure;

/// <summary>POST /language: remembers the reader's language in a cookie and returns to the page.</summary>
public static class LanguageSwitch
{
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string language, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var uiCulture = language == "en" ? "en" : "nb-NO";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                LocalizationSetup.CookieValue(uiCulture),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
}
