using Medlem.Core.Activity;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Imports;

/// <summary>The library's imports, newest first, a page at a time.</summary>
public sealed class IndexModel(MedlemDbContext db) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The page of the history, from 1 (<c>?p=</c>: <c>page</c> is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ImportRun> Runs { get; private set; } = [];

    public int PageCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        var runs = db.ImportRuns.AsNoTracking().Where(r => r.LibraryId == libraryId);
        PageCount = Math.Max(1, (int)Math.Ceiling(await runs.CountAsync(ct) / (double)PageSize));
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        // Ids grow with time; SQLite cannot order by a DateTimeOffset.
        Runs = await runs.OrderByDescending(r => r.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }
}
