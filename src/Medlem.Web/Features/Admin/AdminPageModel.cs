using Medlem.Core;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Admin;

/// <summary>What every administration page does after a save: back to the list with a message, or the form again with the errors beside the fields.</summary>
public abstract class AdminPageModel(IStringLocalizer<Program> texts) : PageModel
{
    [TempData] public string? Message { get; set; }

    protected IStringLocalizer<Program> Texts => texts;

    /// <summary>Reloads what the page lists, for showing the form again.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    protected async Task<IActionResult> AfterSaveAsync<T>(Outcome<T> outcome, string fieldPrefix, CancellationToken ct)
    {
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            Message = texts["done.saved"];
            return RedirectToPage(new { edit = (int?)null, handler = (string?)null });
        }

        ValidationMessages.AddTo(ModelState, outcome.Errors, texts, fieldPrefix);
        await LoadAsync(ct);
        return Page();
    }
}
