using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Privacy.DataMap;
using Medlem.Web.Features.Privacy.DataMap;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy;

/// <summary>
/// The privacy notice for a library's members (GDPR art. 13–14), public and in Bokmål or English,
/// written from the same data map as the record of processing: what is processed about members,
/// children and guardians, why, on what basis, for how long; the rights; whom to ask.
/// </summary>
public sealed class NoticeModel(MedlemDbContext db, IStringLocalizer<Program> texts) : PageModel
{
    private static readonly string[] MemberSubjects = ["member", "child", "guardian"];

    public Library Library { get; private set; } = null!;

    public IReadOnlyList<RecordActivity> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var library = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(l => l.Code == code, ct);
        if (library is null)
        {
            return NotFound();
        }

        Library = library;
        Activities = [.. DataMapBuilder.ByActivity(DataMapBuilder.Build(db.Model))
            .Where(x => x.Activity.Subjects.Any(MemberSubjects.Contains))
            .Select(x => RecordOfProcessing.Activity(x.Activity, x.Categories, texts))];
        return Page();
    }
}
