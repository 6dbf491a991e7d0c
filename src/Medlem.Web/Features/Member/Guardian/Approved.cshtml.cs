using Medlem.Core.Members.Guardians;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Member.Guardian;

/// <summary>After an approval: which child's membership is approved, and the way to the guardian's page.</summary>
public sealed class ApprovedModel(GuardianChildren children) : PageModel
{
    public ChildMembership? Child { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid m, CancellationToken ct)
    {
        Child = await children.FindAsync(MemberPrincipal.From(User)!.PersonId, m, ct);
        return Child is null ? NotFound() : Page();
    }
}
