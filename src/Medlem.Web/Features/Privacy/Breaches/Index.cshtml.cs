using Medlem.Core.Privacy.Breaches;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.Breaches;

/// <summary>The data protection officer's register of breaches (GDPR art. 33(5)): record one, see the 72-hour deadline, follow it up.</summary>
public sealed class IndexModel(Core.Privacy.Breaches.Breaches breaches, TimeProvider clock, IStringLocalizer<Program> texts) : PageModel
{
    public IReadOnlyList<Breach> Items { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public DateTimeOffset? DiscoveredAt { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? PeopleAffected { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        var outcome = await breaches.RecordAsync(staff.LibraryId, DiscoveredAt ?? clock.GetUtcNow(), Description, PeopleAffected, staff.StaffId, ct);
        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage("Details", new { id = outcome.Value!.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Items = await breaches.ListAsync(HttpContext.Staff().LibraryId, ct);
    }
}
