using Medlem.Core.Privacy;

namespace Medlem.Core.Members;

/// <summary>A kind of membership a library offers, who may hold it, and what it gives.</summary>
public sealed class MembershipType
{
    public int Id { get; set; }

    public int LibraryId { get; set; }

    /// <summary>Short code, unique in the library, as in the library system (Koha's categorycode).</summary>
    [NotPersonalData] public required string Code { get; set; }

    [NotPersonalData] public required string NameNb { get; set; }

    [NotPersonalData] public required string NameEn { get; set; }

    /// <summary>Youngest age (inclusive) that may hold it; null for no lower limit.</summary>
    [NotPersonalData] public int? MinAge { get; set; }

    /// <summary>Oldest age (inclusive) that may hold it; null for no upper limit.</summary>
    [NotPersonalData] public int? MaxAge { get; set; }

    /// <summary>Verification needed before the membership is in force (pending until then).</summary>
    [NotPersonalData] public VerificationLevel RequiredVerification { get; set; }

    [NotPersonalData] public MembershipBenefits Benefits { get; set; }

    /// <summary>Held by an organisation (a school, a kindergarten), through a contact person.</summary>
    [NotPersonalData] public bool ForInstitutions { get; set; }

    /// <summary>False when the library no longer offers it; existing memberships keep it.</summary>
    [NotPersonalData] public bool Active { get; set; } = true;

    public string Name(string language) => language == "en" ? NameEn : NameNb;

    public bool AllowsAge(int age) => (MinAge is null || age >= MinAge) && (MaxAge is null || age <= MaxAge);
}

[Flags]
public enum MembershipBenefits
{
    None = 0,
    PhysicalLoans = 1,
    DigitalLoans = 2,
    EventBooking = 4,
    Wifi = 8,
    Makerspace = 16,
    Newsletters = 32,
    EResources = 64,
    InterlibraryLoans = 128,
}
