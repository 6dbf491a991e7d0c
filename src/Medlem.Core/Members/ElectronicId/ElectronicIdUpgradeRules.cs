namespace Medlem.Core.Members.ElectronicId;

/// <summary>
/// Whether a person's record agrees with the identity their electronic ID proves. A record that
/// holds another number, or a birth year (or, once checked at the desk, a birth date) other than
/// the number's, is not silently overwritten: either the member typed it wrong or someone else
/// is signing in, and a librarian should look before anything changes.
/// </summary>
public static class ElectronicIdUpgradeRules
{
    /// <summary>Null when the record agrees (or holds nothing to disagree with); otherwise why not.</summary>
    public static ElectronicIdRefusal? Disagreement(Person person, ElectronicIdentity identity)
    {
        if (person.NationalIdentityNumber is { } onRecord
            && ElectronicIdentity.Digits(onRecord) != identity.NationalIdentityNumber)
        {
            return ElectronicIdRefusal.AnotherNumberOnRecord;
        }

        if (identity.BirthDate is not { } born)
        {
            return null;
        }

        var agrees = person.BirthYearOnly ? person.BirthDate.Year == born.Year : person.BirthDate == born;
        return agrees ? null : ElectronicIdRefusal.BirthDateDiffers;
    }

    /// <summary>
    /// Writes the proven identity onto the record: the number (encrypted by the register), the real
    /// birth date in place of a birth year, and electronic ID as the verification of every
    /// membership. Call only when <see cref="Disagreement"/> found none.
    /// </summary>
    public static void Apply(Person person, ElectronicIdentity identity, DateTimeOffset now)
    {
        person.NationalIdentityNumber = identity.NationalIdentityNumber;
        if (identity.BirthDate is { } born)
        {
            person.BirthDate = born;
            person.BirthYearOnly = false;
        }

        person.UpdatedAt = now;
        foreach (var membership in person.Memberships.Where(m => m.Verification < VerificationLevel.ElectronicId))
        {
            membership.Verification = VerificationLevel.ElectronicId;
            membership.VerifiedAt = now;
            membership.UpdatedAt = now;
        }
    }
}
