using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Privacy.Restriction;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Members;

/// <summary>
/// A membership's processing limit and legal holds at the desk: restrict or record an objection
/// (those who handle data-subject requests), record and settle an unpaid fee or an open loan
/// (desk and customer care). Reads and changes are audited.
/// </summary>
public sealed class RestrictionModel(Restrictions restrictions, MedlemDbContext db, AuditTrail audit, IStringLocalizer<Program> texts) : PageModel
{
    public Guid MembershipId { get; private set; }
    public Guid PersonId { get; private set; }
    public string MemberName { get; private set; } = "";
    public ProcessingLimit Limit { get; private set; }
    public DateTimeOffset? LimitedAt { get; private set; }
    public IReadOnlyList<LegalHold> Holds { get; private set; } = [];
    public bool CanHandleRequests { get; private set; }
    public bool CanWrite { get; private set; }

    [TempData] public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostLimitAsync(Guid id, ProcessingLimit limit, CancellationToken ct) =>
        ActAsync(id, StaffRoles.Desk | StaffRoles.CustomerCare | StaffRoles.DataProtectionOfficer,
            async staff => Errors(await restrictions.LimitAsync(staff.LibraryId, id, limit, ct)), ct);

    public Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, StaffRoles.Desk | StaffRoles.CustomerCare | StaffRoles.DataProtectionOfficer,
            async staff => Errors(await restrictions.LiftAsync(staff.LibraryId, id, ct)), ct);

    public Task<IActionResult> OnPostHoldAsync(Guid id, LegalHoldKind kind, string? reference, decimal? amount, CancellationToken ct) =>
        ActAsync(id, StaffRoles.Desk | StaffRoles.CustomerCare,
            async staff => Errors(await restrictions.AddHoldAsync(staff.LibraryId, id, kind, reference, amount, ct)), ct);

    public Task<IActionResult> OnPostSettleAsync(Guid id, long holdId, CancellationToken ct) =>
        ActAsync(id, StaffRoles.Desk | StaffRoles.CustomerCare, async staff =>
        {
            // Only a hold of this membership: the form names both.
            var belongs = await db.Holds(staff.LibraryId).AnyAsync(h => h.Id == holdId && h.MembershipId == id, ct);
            return belongs ? Errors(await restrictions.SettleHoldAsync(staff.LibraryId, holdId, ct)) : null;
        }, ct);

    private async Task<IActionResult> ActAsync(Guid id, StaffRoles allowed, Func<StaffPrincipal, Task<Core.ValidationErrors?>> act, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        if (!staff.Has(allowed))
        {
            return Forbid();
        }

        var personId = await db.Memberships.OfLibrary(staff.LibraryId).Where(m => m.Id == id).Select(m => (Guid?)m.PersonId).SingleOrDefaultAsync(ct);
        var errors = personId is null ? null : await act(staff);
        if (personId is null || errors is null)
        {
            return NotFound();
        }

        if (!errors.IsEmpty)
        {
            ValidationMessages.AddTo(ModelState, errors, texts, "");
            return await ShowAsync(id, ct);
        }

        await audit.RecordAsync(staff.Actor, AuditAction.Update, AuditPurposes.DeskRestrictionChange, new AuditSubject(personId.Value, id), ct);
        Message = texts["restriction.saved"];
        // An erasure completed by settling the last hold leaves no membership to show.
        return await db.Memberships.AnyAsync(m => m.Id == id, ct) ? RedirectToPage(new { id }) : RedirectToPage("/Members/Index");
    }

    private static Core.ValidationErrors? Errors<T>(Core.Outcome<T> outcome) => outcome.NotFound ? null : outcome.Errors;

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        var membership = await db.Memberships.OfLibrary(staff.LibraryId).AsNoTracking().Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(staff.Actor, AuditAction.Read, AuditPurposes.DeskRestriction, new AuditSubject(membership.PersonId, id), ct);
        (MembershipId, PersonId, MemberName, Limit, LimitedAt) = (id, membership.PersonId, membership.Person!.FullName, membership.Limit, membership.LimitedAt);
        Holds = await db.Holds(staff.LibraryId).AsNoTracking().Where(h => h.MembershipId == id).OrderBy(h => h.Id).ToListAsync(ct);
        CanHandleRequests = staff.Has(StaffRoles.Desk | StaffRoles.CustomerCare | StaffRoles.DataProtectionOfficer);
        CanWrite = staff.Has(StaffRoles.Desk | StaffRoles.CustomerCare);
        return Page();
    }
}

internal static class LegalHoldQueries
{
    public static IQueryable<LegalHold> Holds(this MedlemDbContext db, int libraryId) => db.LegalHolds.Where(h => h.LibraryId == libraryId);
}
