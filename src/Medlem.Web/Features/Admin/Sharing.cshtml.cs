using Medlem.Core.Consortium.Sharing;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Admin;

/// <summary>
/// The library's sharing rules: which other libraries' staff may find and read its members (it
/// adds and revokes these), and which libraries share with it.
/// </summary>
public sealed class SharingModel(SharingRules rules, MedlemDbContext db, IStringLocalizer<Program> texts) : AdminPageModel(texts)
{
    public IReadOnlyList<SharingRuleView> Rules { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> OtherLibraries { get; private set; } = [];
    public int LibraryId { get; private set; }

    [BindProperty] public string? Recipient { get; set; }
    [BindProperty] public string? Basis { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        await AfterSaveAsync(await rules.AddAsync(HttpContext.Staff().LibraryId, Recipient, Basis, ct), "", ct);

    public async Task<IActionResult> OnPostRevokeAsync(int ruleId, CancellationToken ct) =>
        await AfterSaveAsync(await rules.RevokeAsync(HttpContext.Staff().LibraryId, ruleId, ct), "", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        LibraryId = HttpContext.Staff().LibraryId;
        Rules = await rules.ListAsync(LibraryId, ct);
        var own = LibraryId;
        OtherLibraries = (await db.Libraries.AsNoTracking().Where(l => l.Id != own).Select(l => new { l.Code, l.Name }).ToListAsync(ct))
            .OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => (l.Code, l.Name)).ToList();
    }
}
