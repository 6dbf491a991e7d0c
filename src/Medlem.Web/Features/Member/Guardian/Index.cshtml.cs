using Medlem.Core.Members;
using Medlem.Core.Members.Guardians;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Guardian;

/// <summary>
/// The guardian's own page (<c>/foresatt</c>): their children's memberships with status, and what
/// they can do for each: approve one that waits for them, the child's consents, end the
/// membership. Only the signed-in person's own children (their guardianships) are ever listed.
/// </summary>
public sealed class IndexModel(GuardianChildren children, MembershipCommands memberships, IStringLocalizer<Program> texts) : PageModel
{
    public IReadOnlyList<ChildMembership> Children { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    private Guid Guardian => MemberPrincipal.From(User)!.PersonId;

    public async Task OnGetAsync(CancellationToken ct) => Children = await children.ListAsync(Guardian, ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid membershipId, CancellationToken ct)
    {
        var child = await children.FindAsync(Guardian, membershipId, ct);
        if (child is null)
        {
            return NotFound();
        }

        if (child.AwaitsGuardianApproval)
        {
            // The desk's rule (a guardian of this child approves), reached through the guardian's own child only.
            await memberships.ApproveAsGuardianAsync(child.LibraryId, membershipId, Guardian, ct);
            Message = texts["guardian.home.approved", child.GivenName].Value;
        }

        return RedirectToPage();
    }
}
