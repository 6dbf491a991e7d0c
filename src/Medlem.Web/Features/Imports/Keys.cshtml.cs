using Medlem.Core.Activity;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// The administrator's library's API keys for connected systems: make one (shown once, on the
/// answer to the form itself and never again) and revoke one. Revoking is for good: a system
/// that needs in again gets a new key.
/// </summary>
public sealed class KeysModel(MedlemDbContext db, TimeProvider clock, IStringLocalizer<Program> texts) : PageModel
{
    public const int MaxNameLength = 60;

    public IReadOnlyList<ActivitySource> Sources { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }

    /// <summary>The key just made, for this one answer.</summary>
    public string? NewKey { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            ModelState.AddModelError(nameof(Name), texts["import.keys.name-required"]);
            await LoadAsync(ct);
            return Page();
        }

        var staff = HttpContext.Staff();
        var (key, source) = ApiKeys.Create(staff.LibraryId, name, await db.UserNameAsync(staff, ct), clock.GetUtcNow());
        db.ActivitySources.Add(source);
        await db.SaveChangesAsync(ct);

        // The key is on this page only; no cache, no redirect, nothing in TempData's cookie.
        Response.Headers.CacheControl = "no-store";
        NewKey = key;
        Name = name;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int sourceId, CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        var source = await db.ActivitySources.SingleOrDefaultAsync(s => s.Id == sourceId && s.LibraryId == libraryId, ct);
        if (source is null)
        {
            return NotFound();
        }

        source.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Message = texts["import.keys.revoked-done"];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        Sources = await db.ActivitySources.AsNoTracking().Where(s => s.LibraryId == libraryId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
    }
}
