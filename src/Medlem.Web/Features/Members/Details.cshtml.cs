using Medlem.Core;
using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Features.Member.Login;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Members;

/// <summary>
/// A member as the desk sees them, with the desk's actions on memberships and cards. Anyone
/// who may read members sees the page; only desk and customer care get the actions.
/// </summary>
public sealed class DetailsModel(
    GetMember get, MembershipCommands commands, MedlemDbContext db, AuditTrail audit, IStringLocalizer<Program> texts, MemberCredentials credentials) : PageModel
{
    public MemberView? Member { get; private set; }
    public IReadOnlyList<MembershipType> Types { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanAudit { get; private set; }
    public bool CanHandlePrivacy { get; private set; }

    /// <summary>The person has a PIN for card sign-in (never the PIN itself: only its hash exists).</summary>
    public bool HasPin { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostIssueCardAsync(Guid id, Guid membershipId, bool replaceActive, CancellationToken ct) =>
        ActAsync(id, lib => commands.IssueCardAsync(lib, membershipId, null, replaceActive, ct), "done.card-issued", ct);

    public Task<IActionResult> OnPostCardStatusAsync(Guid id, int cardId, CardStatus status, CancellationToken ct) =>
        ActAsync(id, lib => commands.SetCardStatusAsync(lib, cardId, status, ct), "done.card-status", ct);

    public Task<IActionResult> OnPostChangeTypeAsync(Guid id, Guid membershipId, string? typeCode, CancellationToken ct) =>
        ActAsync(id, lib => commands.ChangeTypeAsync(lib, membershipId, typeCode, ct), "done.type-changed", ct);

    public Task<IActionResult> OnPostVerifyIdentityAsync(Guid id, Guid membershipId, CancellationToken ct) =>
        ActAsync(id, lib => commands.VerifyIdentityAtDeskAsync(lib, membershipId, ct), "done.identity-checked", ct);

    public Task<IActionResult> OnPostApproveGuardianAsync(Guid id, Guid membershipId, Guid guardianId, CancellationToken ct) =>
        ActAsync(id, lib => commands.ApproveAsGuardianAsync(lib, membershipId, guardianId, ct), "done.guardian-approved", ct);

    public Task<IActionResult> OnPostBlockAsync(Guid id, Guid membershipId, string? reason, CancellationToken ct) =>
        ActAsync(id, lib => commands.SetBlockAsync(lib, membershipId, blocked: true, reason, ct), "done.blocked", ct);

    public Task<IActionResult> OnPostUnblockAsync(Guid id, Guid membershipId, CancellationToken ct) =>
        ActAsync(id, lib => commands.SetBlockAsync(lib, membershipId, blocked: false, null, ct), "done.unblocked", ct);

    /// <summary>
    /// The member chooses a PIN at the desk (after the desk has checked who they are): it replaces
    /// any old one and ends a lockout. Audited as a change of the member's details.
    /// </summary>
    public Task<IActionResult> OnPostSetPinAsync(Guid id, string? pin, CancellationToken ct) =>
        ActAsync(id, async _ => AsOutcome(await credentials.SetPinAsync(id, pin, ct)), "join.desk.pin-set", ct);

    private static Outcome<bool> AsOutcome(ValidationErrors errors) => errors.IsEmpty ? Outcome<bool>.Success(true) : Outcome<bool>.Invalid(errors);

    private async Task<IActionResult> ActAsync<T>(Guid id, Func<int, Task<Outcome<T>>> action, string doneKey, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        if (!staff.Has(StaffRoles.Desk | StaffRoles.CustomerCare))
        {
            return Forbid();
        }

        // The member must be visible to this library before anything is done in their name.
        if (await get.RunAsync(staff.LibraryId, id, ct) is null)
        {
            return NotFound();
        }

        var outcome = await action(staff.LibraryId);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            await audit.RecordAsync(staff.Actor, AuditAction.Update, AuditPurposes.DeskDetailsChange, new AuditSubject(id, null), ct);
        }

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            return await ShowAsync(id, ct);
        }

        Message = texts[doneKey];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        Member = await get.RunAsync(staff.LibraryId, id, ct);
        if (Member is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(staff.Actor, AuditAction.Read, AuditPurposes.DeskDetails, AuditSubject.Of(Member), ct);
        CanWrite = staff.Has(StaffRoles.Desk | StaffRoles.CustomerCare);
        CanAudit = staff.Has(StaffRoles.DataProtectionOfficer);
        CanHandlePrivacy = staff.Has(StaffPolicies.Roles[StaffPolicies.HandlePrivacyRequests]);
        HasPin = await db.MemberAccounts.AnyAsync(a => a.PersonId == id && a.PinHash != null, ct);
        Types = await db.MembershipTypes.Where(t => t.LibraryId == staff.LibraryId && t.Active).OrderBy(t => t.NameNb).ToListAsync(ct);
        return Page();
    }
}
