using System.Text;
using Medlem.Core.Data;
using Medlem.Core.Privacy.DataMap;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.DataMap;

/// <summary>The staff member's library's record of processing activities: a page, and the same as JSON and Markdown.</summary>
public sealed class RecordModel(MedlemDbContext db, TimeProvider clock, IStringLocalizer<Program> texts) : PageModel
{
    public RecordOfProcessing Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Record = await BuildAsync(ct);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        new JsonResult(await BuildAsync(ct)) { ContentType = "application/json" };

    public async Task<IActionResult> OnGetMarkdownAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes((await BuildAsync(ct)).ToMarkdown(texts)), "text/markdown; charset=utf-8", "behandlingsprotokoll.md");

    private async Task<RecordOfProcessing> BuildAsync(CancellationToken ct)
    {
        var libraryId = StaffPrincipal.From(User)!.LibraryId;
        var library = await db.Libraries.AsNoTracking().SingleAsync(l => l.Id == libraryId, ct);
        return RecordOfProcessing.Build(library, DataMapBuilder.Build(db.Model), texts, DateOnly.FromDateTime(clock.GetLocalNow().Date));
    }
}
