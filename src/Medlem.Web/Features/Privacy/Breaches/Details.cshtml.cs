using Medlem.Core.Privacy.Breaches;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.Breaches;

/// <summary>One breach and its follow-up: measures, the notification to Datatilsynet (or why none, or why late), telling the people concerned.</summary>
public sealed class DetailsModel(Core.Privacy.Breaches.Breaches breaches, TimeProvider clock, IStringLocalizer<Program> texts) : PageModel
{
    public Breach Item { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string? measures, bool notifiedAuthority, string? notificationNote, bool informedPeople, CancellationToken ct)
    {
        var outcome = await breaches.UpdateAsync(HttpContext.Staff().LibraryId, id, measures, notifiedAuthority, notificationNote, informedPeople, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            return await ShowAsync(id, ct);
        }

        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await breaches.FindAsync(HttpContext.Staff().LibraryId, id, ct) is not { } breach)
        {
            return NotFound();
        }

        Item = breach;
        Now = clock.GetUtcNow();
        return Page();
    }
}
