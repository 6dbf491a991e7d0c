using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members;

/// <summary>Corrects a person's details (GDPR art. 16 rectification at the desk).</summary>
public sealed class UpdateMemberDetails(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    public async Task<Outcome<Person>> RunAsync(int libraryId, Guid personId, MemberDetailsInput input, CancellationToken ct)
    {
        // A library corrects its own members, and guardians who are members nowhere (only
        // through their children); a guardian who is another library's member is corrected there.
        var person = await db.VisibleTo(libraryId)
            .Where(p => p.Memberships.Any(m => m.LibraryId == libraryId) || !p.Memberships.Any())
            .Include(p => p.ContactPoints)
            .SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Outcome<Person>.Missing();
        }

        // A stored number is never sent back to the form, so an empty field keeps it; the
        // birth date must still agree with it.
        var errors = new ValidationErrors();
        var details = new MemberDetailsValidator(rules, clock).Validate(input, errors);
        if (details is not null && InputText.Clean(input.NationalIdentityNumber) is null && person.NationalIdentityNumber is { } stored)
        {
            var check = NationalIdentityNumber.Check(stored, allowSynthetic: true);
            if (check.BirthDate is { } fromNumber && fromNumber != details.BirthDate)
            {
                errors.Add(nameof(input.BirthDate), "birthdate.nin-mismatch");
            }
        }

        if (!errors.IsEmpty || details is null)
        {
            return Outcome<Person>.Invalid(errors);
        }

        MemberDetailsApplier.Apply(person, details, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<Person>.Success(person);
    }
}
