using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Members;

/// <summary>Find a member by name, card number, e-mail or phone, within the staff member's library.</summary>
public sealed class IndexModel(FindMembers find, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<MemberHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var staff = HttpContext.Staff();
            Hits = await find.RunAsync(staff.LibraryId, Q, ct);
            await audit.RecordAsync(staff.Actor, AuditAction.Search, AuditPurposes.DeskSearch, AuditSubject.Of(Hits), ct);
        }
        else
        {
            Q = null;
        }
    }
}
