namespace Medlem.Core.Members;

/// <summary>Writes validated details onto a person, keeping verified flags of contact points that did not change.</summary>
internal static class MemberDetailsApplier
{
    public static void Apply(Person person, ValidMemberDetails details, DateTimeOffset now)
    {
        person.GivenName = details.GivenName;
        person.FamilyName = details.FamilyName;
        person.BirthDate = details.BirthDate;
        if (details.NationalIdentityNumber is not null)
        {
            person.NationalIdentityNumber = details.NationalIdentityNumber;
        }

        person.Address = details.Address;
        person.PreferredLanguage = details.PreferredLanguage;
        SetContact(person, ContactKind.Email, details.Email);
        SetContact(person, ContactKind.Mobile, details.Mobile);
        person.UpdatedAt = now;
    }

    private static void SetContact(Person person, ContactKind kind, string? value)
    {
        var existing = person.ContactPoints.FirstOrDefault(c => c.Kind == kind);
        if (existing is not null && existing.Value == value)
        {
            return;
        }

        if (existing is not null)
        {
            person.ContactPoints.Remove(existing);
        }

        if (value is not null)
        {
            person.ContactPoints.Add(new ContactPoint { PersonId = person.Id, Kind = kind, Value = value });
        }
    }
}
