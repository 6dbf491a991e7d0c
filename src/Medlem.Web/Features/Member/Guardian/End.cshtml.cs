using Medlem.Core.Members.Guardians;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Guardian;

/// <summary>
/// A guardian ends a child's membership: a confirmation, then an erasure request in the library's
/// queue (<see cref="EndChildMembership"/> says why a request and not an erasure on the spot).
/// </summary>
public sealed class EndModel(GuardianChildren children, EndChildMembership end, IStringLocalizer<Program> texts) : PageModel
{
    public ChildMembership Child { get; private set; } = null!;

    [TempData] public string? Message { get; set; }

    private Guid Guardian => MemberPrincipal.From(User)!.PersonId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var child = await children.FindAsync(Guardian, id, ct);
        if (child is null)
        {
            return NotFound();
        }

        Child = child;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await end.RequestAsync(Guardian, id, texts["guardian.end.request-text"], ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        Message = outcome.Succeeded ? texts["guardian.end.received"] : texts["error.guardian.end-already-requested"];
        return Redirect(GuardianPaths.Home);
    }
}
