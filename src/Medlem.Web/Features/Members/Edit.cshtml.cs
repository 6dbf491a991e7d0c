using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Members;

/// <summary>Correct a member's details. The identity number is never sent to the form; an empty field keeps it.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = StaffPolicies.WriteMembers)]
public sealed class EditModel(GetMember get, UpdateMemberDetails update, AuditTrail audit, IStringLocalizer<Program> texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public MemberForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        var view = await get.RunAsync(staff.LibraryId, Id, ct);
        if (view is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(staff.Actor, AuditAction.Read, AuditPurposes.DeskEdit, AuditSubject.Of(view), ct);

        Form = MemberForm.From(view);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var staff = HttpContext.Staff();
        var outcome = await update.RunAsync(staff.LibraryId, Id, Form.ToInput(), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        // Also when invalid: the form shown again holds the member's details.
        await audit.RecordAsync(staff.Actor, AuditAction.Update, AuditPurposes.DeskEditSave, new AuditSubject(Id, null), ct);

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "Form");
            return Page();
        }

        TempData["Message"] = texts["done.saved"].Value;
        return Redirect($"/Members/Details/{Id}");
    }
}
