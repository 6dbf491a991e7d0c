using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Privacy.Requests;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Privacy.Requests;

/// <summary>The receipt handed to the requester: what was asked, when, the reference and the date by which they will have an answer. Opening it records that it was given.</summary>
public sealed class ReceiptModel(PrivacyRequests requests, MedlemDbContext db) : PageModel
{
    public PrivacyRequest Item { get; private set; } = null!;
    public Library Library { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        var given = await requests.ReceiptGivenAsync(libraryId, id, ct);
        if (given.NotFound)
        {
            return NotFound();
        }

        Item = given.Value!;
        Library = await db.Libraries.AsNoTracking().SingleAsync(l => l.Id == libraryId, ct);
        return Page();
    }
}
