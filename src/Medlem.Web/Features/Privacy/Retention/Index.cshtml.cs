using Medlem.Core.Data;
using Medlem.Core.Privacy.Retention;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.Retention;

/// <summary>The retention rules in force for the library, the last runs with their reports, and a run (or a dry run) now.</summary>
public sealed class IndexModel(MedlemDbContext db, RetentionRunner runner, RetentionOptions options, IStringLocalizer<Program> texts) : PageModel
{
    public RetentionPolicy Policy { get; private set; } = new();
    public string LibraryCode { get; private set; } = "";
    public IReadOnlyList<RetentionRun> Runs { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(bool dryRun, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        var run = await runner.RunAsync(dryRun, $"staff:{staff.StaffId}", ct);
        Message = run is null ? texts["retention.busy"] : texts["retention.done"];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        LibraryCode = await db.Libraries.Where(l => l.Id == libraryId).Select(l => l.Code).SingleAsync(ct);
        Policy = options.For(LibraryCode);
        Runs = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
    }
}
