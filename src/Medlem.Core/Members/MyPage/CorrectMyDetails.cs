using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>
/// The details a member corrects on their own page (GDPR art. 16). Birth date and national
/// identity number are not among them: they decide the rules for children and were checked
/// against an identity document or electronic ID, so the member asks for those to be corrected
/// (a rectification request) instead.
/// </summary>
public sealed record MyDetailsInput
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? Email { get; init; }
    public string? Mobile { get; init; }
    public PreferredLanguage PreferredLanguage { get; init; }
}

/// <summary>What the correction changed that the member must act on.</summary>
public sealed record MyDetailsCorrected(Person Person, bool EmailNeedsConfirmation);

/// <summary>
/// The member corrects their own details, validated as at the desk (<see cref="MemberDetailsValidator"/>)
/// and written as at the desk (<see cref="MemberDetailsApplier"/>): a changed e-mail address or
/// mobile number is a new, unverified contact point, so a new e-mail address must be confirmed again.
/// </summary>
public sealed class CorrectMyDetails(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    public async Task<Outcome<MyDetailsCorrected>> RunAsync(Guid personId, MyDetailsInput input, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.ContactPoints).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Outcome<MyDetailsCorrected>.Missing();
        }

        // The stored birth date goes through the validator unchanged, and no number is given, so the
        // stored number stays (MemberDetailsApplier keeps it when the input has none).
        var errors = new ValidationErrors();
        var details = new MemberDetailsValidator(rules, clock).Validate(
            new MemberDetailsInput
            {
                GivenName = input.GivenName, FamilyName = input.FamilyName, BirthDate = person.BirthDate, Street = input.Street,
                PostalCode = input.PostalCode, City = input.City, Country = input.Country, Email = input.Email, Mobile = input.Mobile,
                PreferredLanguage = input.PreferredLanguage,
            },
            errors);
        if (details is null)
        {
            return Outcome<MyDetailsCorrected>.Invalid(errors);
        }

        var emailBefore = person.ContactPoints.FirstOrDefault(c => c.Kind == ContactKind.Email)?.Value;
        MemberDetailsApplier.Apply(person, details, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome<MyDetailsCorrected>.Success(new(person, details.Email is not null && details.Email != emailBefore));
    }
}
