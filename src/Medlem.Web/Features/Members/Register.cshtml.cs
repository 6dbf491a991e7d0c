using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Members;

/// <summary>Register a new member of the staff member's library at the desk.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = StaffPolicies.WriteMembers)]
public sealed class RegisterModel(MedlemDbContext db, RegisterMember register, FindMembers find, IStringLocalizer<Program> texts) : PageModel
{
    [BindProperty] public MemberForm Form { get; set; } = new();
    [BindProperty] public string? TypeCode { get; set; } = DefaultMembershipTypes.Codes.Borrower;
    [BindProperty] public int? BranchId { get; set; }
    [BindProperty] public VerificationLevel Verification { get; set; } = VerificationLevel.IdentityCheckedAtDesk;
    [BindProperty] public string? CardNumber { get; set; }
    [BindProperty] public string? GuardianCardNumber { get; set; }
    [BindProperty] public bool GuardianApproved { get; set; } = true;

    public IReadOnlyList<MembershipType> Types { get; private set; } = [];
    public IReadOnlyList<Branch> Branches { get; private set; } = [];
    public string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public Task OnGetAsync(CancellationToken ct) => LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        var guardianIds = new List<Guid>();
        if (!string.IsNullOrWhiteSpace(GuardianCardNumber))
        {
            var hits = await find.RunAsync(libraryId, GuardianCardNumber, ct);
            if (hits.Count != 1)
            {
                ModelState.AddModelError("GuardianIds", texts["error.guardian.unknown"]);
                await LoadChoicesAsync(ct);
                return Page();
            }

            guardianIds.Add(hits[0].PersonId);
        }

        // Bound values are re-validated by Core; the page only reports what Core says.
        ModelState.Clear();
        var outcome = await register.RunAsync(libraryId, new RegisterMemberInput
        {
            Details = Form.ToInput(),
            MembershipTypeCode = TypeCode,
            HomeBranchId = BranchId,
            Verification = Verification,
            GuardianIds = guardianIds,
            GuardianApprovedAtDesk = GuardianApproved,
            CardNumber = CardNumber,
        }, ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/Members/Details/{outcome.Value!.Id}");
        }

        foreach (var (field, codes) in outcome.Errors.ByField)
        {
            var key = field is "MembershipTypeCode" or "HomeBranchId" or "Verification" or "GuardianIds" or "CardNumber" ? field : "Form." + field;
            foreach (var code in codes)
            {
                ModelState.AddModelError(key, texts["error." + code]);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        Types = await db.MembershipTypes.Where(t => t.LibraryId == libraryId && t.Active).OrderBy(t => t.NameNb).ToListAsync(ct);
        Branches = await db.Branches.Where(b => b.LibraryId == libraryId).OrderByDescending(b => b.IsMain).ThenBy(b => b.Name).ToListAsync(ct);
    }
}
