using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features;

/// <summary>A readable page for an error status (404, 400, …) reached in the browser; the API answers problem details instead.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string TitleKey { get; private set; } = "status-page.other-title";

    public string TextKey { get; private set; } = "status-page.other-text";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("status-page.404-title", "status-page.404-text"),
            400 => ("status-page.400-title", "status-page.400-text"),
            429 => ("status-page.429-title", "status-page.429-text"),
            _ => ("status-page.other-title", "status-page.other-text"),
        };
    }
}
