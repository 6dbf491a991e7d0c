using Medlem.Core.Members;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Members;

/// <summary>Find a member by name, card number, e-mail or phone, within the staff member's library.</summary>
public sealed class IndexModel(FindMembers find) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<MemberHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Hits = await find.RunAsync(HttpContext.Staff().LibraryId, Q, ct);
        }
        else
        {
            Q = null;
        }
    }
}
