using Medlem.Core;
using Medlem.Core.Data;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Privacy.Requests;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.Requests;

/// <summary>A request and its handling: verify the identity, extend the deadline with a reason, complete or reject with what was done, give the receipt.</summary>
public sealed class DetailsModel(PrivacyRequests requests, MedlemDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<Program> texts) : PageModel
{
    public PrivacyRequest Item { get; private set; } = null!;
    public string? PersonName { get; private set; }
    public DateOnly Today { get; private set; }

    [TempData] public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, RequestVerification verification, CancellationToken ct) =>
        ActAsync(id, lib => requests.VerifyAsync(lib, id, verification, ct), ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, string? reason, CancellationToken ct) =>
        ActAsync(id, lib => requests.ExtendAsync(lib, id, reason, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, bool completed, string? outcome, CancellationToken ct) =>
        ActAsync(id, lib => requests.CloseAsync(lib, id, completed, outcome, HttpContext.Staff().StaffId, ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<int, Task<Outcome<PrivacyRequest>>> action, CancellationToken ct)
    {
        var outcome = await action(HttpContext.Staff().LibraryId);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            return await ShowAsync(id, ct);
        }

        Message = texts["request.saved"];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var request = await requests.FindAsync(HttpContext.Staff().LibraryId, id, ct);
        if (request is null)
        {
            return NotFound();
        }

        Item = request;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        PersonName = request.PersonId is { } personId
            ? await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.GivenName + " " + p.FamilyName).SingleOrDefaultAsync(ct)
            : null;
        if (request.PersonId is { } subject && PersonName is not null)
        {
            await audit.RecordAsync(HttpContext.Staff().Actor, AuditAction.Read, AuditPurposes.PrivacyRequest, new AuditSubject(subject, null), ct);
        }
        return Page();
    }
}
