using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// One import of the staff member's library: its figures, its rejected rows (with their values,
/// which can be card numbers: this page is for the roles that run imports only) and the error
/// report as CSV; a failed import whose file is kept can be run again, or its file deleted.
/// A run of another library is "not found", as every record of another library is.
/// </summary>
public sealed class DetailsModel(MedlemDbContext db, ImportRunner runner, KeptUploads kept, IStringLocalizer<Program> texts) : PageModel
{
    public const int ErrorsShown = 100;

    public ImportRun Run { get; private set; } = null!;

    public IReadOnlyList<ImportRowError> Errors { get; private set; } = [];

    public int ErrorsListed { get; private set; }

    public bool FileKept { get; private set; }

    public bool CanRerun => FileKept && Run.State == ImportState.Failed;

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        FileKept = run.State != ImportState.Completed && kept.IsKept(run);
        var errors = db.ImportRowErrors.AsNoTracking().Where(e => e.ImportRunId == id);
        ErrorsListed = await errors.CountAsync(ct);
        Errors = await errors.OrderBy(e => e.Line).ThenBy(e => e.Id).Take(ErrorsShown).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetErrorsAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"import-{id}-errors.csv" }.ToString();
        Response.Headers.CacheControl = "no-store";
        var errors = db.ImportRowErrors.AsNoTracking().Where(e => e.ImportRunId == id).OrderBy(e => e.Line).ThenBy(e => e.Id).AsAsyncEnumerable();
        await ErrorReportCsv.WriteAsync(Response.Body, errors, texts, ct);
        return new EmptyResult();
    }

    /// <summary>Runs the kept file again as a new import, which takes the file over; the failed run stays as it was.</summary>
    public async Task<IActionResult> OnPostRerunAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } run)
        {
            return NotFound();
        }

        var key = KeptUploads.NewKey();
        if (run.State != ImportState.Failed || !kept.IsKept(run) || !kept.TryMove(run.IdempotencyKey!, key))
        {
            Message = texts["import.rerun.file-gone"];
            return RedirectToPage(new { id });
        }

        var profile = await kept.ReadProfileAsync(key, ct) is { } json ? MappingProfile.Parse(json) : null;
        var staff = HttpContext.Staff();
        await using var content = kept.OpenRead(key);
        var rerun = await runner.RunAsync(new ImportRequest
        {
            LibraryId = run.LibraryId,
            Kind = run.Kind,
            Format = run.Format,
            Content = content,
            FileName = run.FileName,
            Channel = ImportChannels.Web,
            RunBy = await db.UserNameAsync(staff, ct),
            Profile = profile,
            IdempotencyKey = key,
        });
        Message = texts["import.done.rerun"];
        return RedirectToPage(new { id = rerun.Id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } run)
        {
            return NotFound();
        }

        kept.Delete(run.IdempotencyKey);
        Message = texts["import.done.discarded"];
        return RedirectToPage(new { id });
    }

    private Task<ImportRun?> FindAsync(long id, CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        return db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.LibraryId == libraryId, ct);
    }
}
