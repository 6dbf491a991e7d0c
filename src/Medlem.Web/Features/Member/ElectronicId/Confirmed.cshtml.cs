using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>After the upgrade: the member's identity is confirmed, with the birth date now on record and the memberships it verified.</summary>
public sealed class ConfirmedModel(MedlemDbContext db) : PageModel
{
    public DateOnly BirthDate { get; private set; }

    public IReadOnlyList<string> Libraries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var member = MemberPrincipal.From(User)!;
        var person = await db.People.AsNoTracking().Where(p => p.Id == member.PersonId)
            .Select(p => new
            {
                p.BirthDate,
                Libraries = p.Memberships.Where(m => m.Verification == VerificationLevel.ElectronicId)
                    .Select(m => db.Libraries.Where(l => l.Id == m.LibraryId).Select(l => l.Name).Single()).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return NotFound();
        }

        BirthDate = person.BirthDate;
        Libraries = person.Libraries;
        return Page();
    }
}
