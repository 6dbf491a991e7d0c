using Medlem.Core.Data;
using Medlem.Core.Privacy.DataMap;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Privacy.DataMap;

/// <summary>The data map for the data protection officer and administrators: every stored personal-data field by category, with purposes, legal basis and retention.</summary>
public sealed class IndexModel(MedlemDbContext db) : PageModel
{
    public IReadOnlyList<DataMapCategory> Map { get; private set; } = [];

    public string LibraryCode { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Map = DataMapBuilder.Build(db.Model);
        var libraryId = StaffPrincipal.From(User)!.LibraryId;
        LibraryCode = await db.Libraries.Where(l => l.Id == libraryId).Select(l => l.Code).SingleAsync(ct);
    }
}
