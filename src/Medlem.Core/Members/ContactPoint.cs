using Medlem.Core.Privacy;

namespace Medlem.Core.Members;

/// <summary>An e-mail address or mobile number of a person, with whether it has been verified.</summary>
public sealed class ContactPoint
{
    public int Id { get; set; }

    public Guid PersonId { get; set; }

    [PersonalData(MedlemTaxonomy.Contact)] public ContactKind Kind { get; set; }

    /// <summary>The address or number, normalised (e-mail lower-cased, mobile as +47…).</summary>
    [PersonalData(MedlemTaxonomy.Contact)] public required string Value { get; set; }

    [PersonalData(MedlemTaxonomy.Contact)] public bool Verified { get; set; }

    [PersonalData(MedlemTaxonomy.Contact)] public DateTimeOffset? VerifiedAt { get; set; }
}

public enum ContactKind
{
    Email = 0,
    Mobile = 1,
}
