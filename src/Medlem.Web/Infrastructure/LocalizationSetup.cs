using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// Bokmål by default, English on request (cookie or <c>?ui-culture=en</c>). Numbers and dates are
/// always formatted nb-NO: the readers are in Norway, whatever language they read.
/// </summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    public static readonly CultureInfo[] UiCultures = [Norwegian, CultureInfo.GetCultureInfo("en")];

    public static IServiceCollection AddMedlemLocalization(this IServiceCollection services, string contentRoot)
    {
        var texts = new JsonTexts(Path.Combine(contentRoot, "Resources"));
        services.AddSingleton(texts);
        services.AddSingleton<IStringLocalizerFactory>(new JsonTextsFactory(texts));
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Norwegian, Norwegian);
            options.SupportedCultures = [Norwegian];
            options.SupportedUICultures = UiCultures;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>The cookie value that chooses <paramref name="uiCulture"/> for the reader and nb-NO formatting.</summary>
    public static string CookieValue(string uiCulture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Norwegian, CultureInfo.GetCultureInfo(uiCulture)));
}
