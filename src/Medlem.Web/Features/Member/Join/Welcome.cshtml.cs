using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Member.Join;

/// <summary>
/// The first page a new member sees, signed in: their digital membership, its card number and
/// what it gives, or that it still waits for a guardian. Only the signed-in member's own
/// membership; any other id is "not found".
/// </summary>
public sealed class WelcomeModel(MedlemDbContext db, MemberRules rules, TimeProvider clock) : PageModel
{
    public string LibraryName { get; private set; } = "";
    public MembershipType Type { get; private set; } = null!;
    public string? CardNumber { get; private set; }
    public MembershipStatus Status { get; private set; }
    public bool WaitsForGuardian { get; private set; }
    public string GivenName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid m, CancellationToken ct)
    {
        var member = MemberPrincipal.From(User);
        var membership = member is null ? null : await db.Memberships.AsNoTracking()
            .Include(x => x.MembershipType).Include(x => x.Cards).Include(x => x.Person)
            .SingleOrDefaultAsync(x => x.Id == m && x.PersonId == member.PersonId, ct);
        if (membership is null)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        GivenName = membership.Person!.GivenName;
        LibraryName = await db.Libraries.Where(l => l.Id == membership.LibraryId).Select(l => l.Name).SingleAsync(ct);
        Type = membership.MembershipType!;
        CardNumber = membership.Cards.Where(c => c.Status == CardStatus.Active).OrderByDescending(c => c.IssuedOn).Select(c => c.Number).FirstOrDefault();
        Status = rules.Status.Evaluate(membership, Type, membership.Person.BirthDate, today);
        WaitsForGuardian = Status == MembershipStatus.Pending && rules.Status.NeedsGuardianApproval(membership.Person.BirthDate, today)
            && membership.GuardianApprovedAt is null;
        return Page();
    }
}
