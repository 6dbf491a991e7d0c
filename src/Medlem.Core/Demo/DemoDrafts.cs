using Medlem.Core.Members;

namespace Medlem.Core.Demo;

/// <summary>A person while the generator still decides about them; frozen into a <see cref="DemoPerson"/> at the end.</summary>
internal sealed class PersonDraft
{
    public required Guid Id { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required bool Female { get; init; }
    public required bool OtherOrigin { get; init; }
    public required string CityCode { get; init; }
    public DemoStreet? Street { get; init; }
    public DemoAddress? Address { get; init; }
    public string? NationalIdentityNumber { get; init; }
    public PreferredLanguage Language { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<DemoContactPoint> ContactPoints { get; } = [];

    /// <summary>Children this person is guardian of, so nobody gets an implausible number.</summary>
    public int Children { get; set; }

    public DemoPerson ToRecord() =>
        new(Id, GivenName, FamilyName, BirthDate, NationalIdentityNumber, Address, Language, CreatedAt, ContactPoints);
}

/// <summary>A membership while the generator decides about it; activity is filled in by <see cref="DemoActivityModel"/>.</summary>
internal sealed class MembershipDraft
{
    public required Guid Id { get; init; }
    public required PersonDraft Person { get; init; }
    public required string LibraryCode { get; init; }
    public required string TypeCode { get; init; }
    public string? HomeBranchCode { get; init; }
    public required Guid Pseudonym { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public VerificationLevel Verification { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }
    public DateTimeOffset? GuardianApprovedAt { get; init; }
    public Guid? ApprovedByGuardianId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Awaiting verification or a guardian: may not borrow, no recorded use.</summary>
    public bool Pending { get; init; }

    public DateTimeOffset? BlockedAt { get; set; }
    public string? BlockReason { get; set; }
    public bool OnUserPanel { get; set; }
    public DateOnly? LastUsedOn { get; set; }
    public int Loans { get; set; }
    public DemoActivityProfile Profile { get; set; } = DemoActivityProfile.None;

    public DemoMembership ToRecord(DateOnly today) => new(
        Id, Person.Id, LibraryCode, TypeCode, HomeBranchCode, Pseudonym, ValidFrom, ValidTo, Verification, VerifiedAt,
        GuardianApprovedAt, ApprovedByGuardianId, BlockedAt, BlockReason, OnUserPanel, LastUsedOn, Loans, today,
        CreatedAt, Profile);
}
