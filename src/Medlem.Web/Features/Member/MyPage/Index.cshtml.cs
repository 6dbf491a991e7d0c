using Medlem.Core.Members.MyPage;
using Microsoft.AspNetCore.Mvc;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>"Min side" at a glance: memberships, card status, what a pending membership waits for, events, newsletter choices, open requests.</summary>
public sealed class IndexModel(MyPageOverview overview) : MemberPageModel
{
    /// <summary>Past events shown here; the activity page lists them all.</summary>
    public const int PastEventsShown = 5;

    public MyOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Null only when the person was erased while signed in: nothing of theirs is left to show.
        var found = await overview.RunAsync(Member.PersonId, ct);
        if (found is null)
        {
            return NotFound();
        }

        Overview = found;
        return Page();
    }
}
