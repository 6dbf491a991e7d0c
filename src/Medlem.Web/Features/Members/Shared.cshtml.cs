using Medlem.Core.Consortium.Sharing;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Members;

/// <summary>
/// Members of libraries that share with this one (Admin → Deling): found and read, never changed.
/// Each search and read is in the audit trail under the shared purposes, where the owner's data
/// protection officer sees it. Only name, birth date and the membership's status and cards are
/// shown: what the other desk needs to recognise and serve the member.
/// </summary>
public sealed class SharedModel(SharedMembers shared, MedlemDbContext db, AuditTrail audit) : PageModel
{
    public string? Query { get; private set; }
    public IReadOnlyList<SharedHit> Hits { get; private set; } = [];
    public IReadOnlyDictionary<int, string> LibraryNames { get; private set; } = new Dictionary<int, string>();
    public MemberView? Member { get; private set; }
    public string? OwnerName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, int? owner, Guid? person, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        LibraryNames = await db.Libraries.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        if (owner is { } ownerId && person is { } personId)
        {
            Member = await shared.GetAsync(staff.LibraryId, ownerId, personId, ct);
            if (Member is null)
            {
                return NotFound();
            }

            await audit.RecordAsync(staff.Actor, AuditAction.Read, AuditPurposes.SharedRead,
                new AuditSubject(personId, Member.Memberships.Count > 0 ? Member.Memberships[0].MembershipId : null), ct);
            OwnerName = LibraryNames.GetValueOrDefault(ownerId);
            return Page();
        }

        Query = q;
        Hits = await shared.FindAsync(staff.LibraryId, q, ct);
        await audit.RecordAsync(staff.Actor, AuditAction.Search, AuditPurposes.SharedSearch,
            Hits.Select(h => new AuditSubject(h.Hit.PersonId, h.MembershipId)), ct);
        return Page();
    }
}
