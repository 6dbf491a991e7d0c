using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Admin;

/// <summary>
/// The consortium's libraries (public facts: names, organisation numbers), the administrator's
/// own library to edit, and for a city library, a form to add a school library under it.
/// </summary>
public sealed class LibrariesModel(MedlemDbContext db, ConsortiumCommands commands, IStringLocalizer<Program> texts) : AdminPageModel(texts)
{
    public IReadOnlyList<Library> Libraries { get; private set; } = [];
    public bool IsPublic { get; private set; }

    [BindProperty] public LibraryForm Own { get; set; } = new();
    [BindProperty] public LibraryForm NewSchool { get; set; } = new() { Prefix = nameof(NewSchool) };
    [BindProperty] public string? NewCode { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Own = LibraryForm.From(Libraries.Single(l => l.Id == HttpContext.Staff().LibraryId));
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await commands.UpdateLibraryAsync(HttpContext.Staff().LibraryId, Own.ToInput(), ct);
        return await AfterSaveAsync(outcome, nameof(Own), ct);
    }

    public async Task<IActionResult> OnPostCreateSchoolAsync(CancellationToken ct)
    {
        ModelState.Clear();
        NewSchool.Prefix = nameof(NewSchool);
        var outcome = await commands.CreateSchoolLibraryAsync(HttpContext.Staff().LibraryId, NewCode, NewSchool.ToInput(), ct);
        if (outcome.Errors.ByField.ContainsKey("Code"))
        {
            foreach (var code in outcome.Errors.ByField["Code"])
            {
                ModelState.AddModelError(nameof(NewCode), Texts["error." + code]);
            }
        }

        return await AfterSaveAsync(outcome, nameof(NewSchool), ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Libraries = await db.Libraries.AsNoTracking().OrderBy(l => l.Kind).ThenBy(l => l.Name).ToListAsync(ct);
        IsPublic = Libraries.Single(l => l.Id == HttpContext.Staff().LibraryId).Kind == LibraryKind.Public;
        Own.Prefix = nameof(Own);
    }
}
