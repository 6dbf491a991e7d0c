using Medlem.Core.Privacy;

namespace Medlem.Core.Members;

/// <summary>
/// A person known to the register: a member, a guardian, or both. Direct identifiers live here
/// and nowhere else; activity refers to a membership's random pseudonym instead.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; }

    [PersonalData(MedlemTaxonomy.UserName)] public required string GivenName { get; set; }

    [PersonalData(MedlemTaxonomy.UserName)] public required string FamilyName { get; set; }

    [PersonalData(MedlemTaxonomy.DateOfBirth)] public DateOnly BirthDate { get; set; }

    /// <summary>
    /// Only the birth year is known (a digital sign-up asks for no more). <see cref="BirthDate"/>
    /// is then 31 December of that year: the youngest the person can be, so the rules for
    /// children (guardian approval, consents) err on the child's side. A desk check or an
    /// electronic-ID sign-in replaces it with the real date.
    /// </summary>
    [PersonalData(MedlemTaxonomy.DateOfBirth)] public bool BirthYearOnly { get; set; }

    /// <summary>
    /// Fødselsnummer or D-number, validated, encrypted at rest with Data Protection, never a key
    /// and never shown in full (only masked).
    /// </summary>
    [PersonalData(MedlemTaxonomy.GovernmentId)] public string? NationalIdentityNumber { get; set; }

    [PersonalData(MedlemTaxonomy.PostalAddress)] public PostalAddress? Address { get; set; }

    [PersonalData(MedlemTaxonomy.LanguagePreference)] public PreferredLanguage PreferredLanguage { get; set; }

    public List<ContactPoint> ContactPoints { get; set; } = [];

    /// <summary>The guardians of this person, when the person is a child.</summary>
    public List<Guardianship> Guardians { get; set; } = [];

    public List<Membership> Memberships { get; set; } = [];

    /// <summary>
    /// Lower-cased "given family" name for search: SQLite's LIKE folds ASCII only, so "Ødegård"
    /// would not find "ødegård". Kept by <see cref="Data.MedlemDbContext"/> on every save.
    /// </summary>
    [PersonalData(MedlemTaxonomy.UserName)] public string SearchName { get; set; } = "";

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset CreatedAt { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset UpdatedAt { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";

    internal static string SearchNameOf(string givenName, string familyName) =>
        $"{givenName} {familyName}".ToLowerInvariant();

    /// <summary>Age in whole years on <paramref name="day"/>.</summary>
    public int AgeOn(DateOnly day) => Ages.YearsBetween(BirthDate, day);
}

/// <summary>A postal address in Norway or abroad.</summary>
public sealed class PostalAddress
{
    [PersonalData(MedlemTaxonomy.PostalAddress)] public required string Street { get; set; }

    [PersonalData(MedlemTaxonomy.PostalAddress)] public required string PostalCode { get; set; }

    [PersonalData(MedlemTaxonomy.PostalAddress)] public required string City { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code; NO by default.</summary>
    [PersonalData(MedlemTaxonomy.PostalAddress)] public string Country { get; set; } = "NO";
}

public enum PreferredLanguage
{
    /// <summary>Norwegian Bokmål.</summary>
    Nb = 0,

    /// <summary>Norwegian Nynorsk.</summary>
    Nn = 1,

    En = 2,
}
