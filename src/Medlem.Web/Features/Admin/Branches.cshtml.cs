using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Admin;

/// <summary>The administrator's library's branches: list, add, rename.</summary>
public sealed class BranchesModel(MedlemDbContext db, ConsortiumCommands commands, IStringLocalizer<Program> texts) : AdminPageModel(texts)
{
    public IReadOnlyList<Branch> Branches { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public bool IsMain { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is { } id)
        {
            var branch = Branches.SingleOrDefault(b => b.Id == id);
            if (branch is null)
            {
                return NotFound();
            }

            (Code, Name, IsMain) = (branch.Code, branch.Name, branch.IsMain);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await commands.SaveBranchAsync(HttpContext.Staff().LibraryId, Edit, new BranchInput(Code, Name, IsMain), ct);
        return await AfterSaveAsync(outcome, "", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        Branches = await db.Branches.AsNoTracking().Where(b => b.LibraryId == libraryId).OrderByDescending(b => b.IsMain).ThenBy(b => b.Name).ToListAsync(ct);
    }
}
