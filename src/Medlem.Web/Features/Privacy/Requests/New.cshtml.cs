using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Requests;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.Requests;

/// <summary>Registers a request a member makes at the desk (or by letter) about their own data.</summary>
public sealed class NewModel(PrivacyRequests requests, MedlemDbContext db, IStringLocalizer<Program> texts) : PageModel
{
    public string PersonName { get; private set; } = "";

    [BindProperty] public RequestKind Kind { get; set; } = RequestKind.Access;
    [BindProperty] public RequestChannel Channel { get; set; } = RequestChannel.Desk;
    [BindProperty] public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        var outcome = await requests.ReceiveAsync(staff.LibraryId, id, Kind, Channel, Description, staff.StaffId, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            await LoadAsync(id, ct);
            return Page();
        }

        return RedirectToPage("Details", new { id = outcome.Value!.Id });
    }

    private async Task<bool> LoadAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.VisibleTo(HttpContext.Staff().LibraryId).AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct);
        PersonName = person?.FullName ?? "";
        return person is not null;
    }
}
