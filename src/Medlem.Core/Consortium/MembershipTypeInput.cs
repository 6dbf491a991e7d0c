using Medlem.Core.Members;

namespace Medlem.Core.Consortium;

/// <summary>A membership type as an administrator edits it.</summary>
public sealed record MembershipTypeInput
{
    public string? Code { get; init; }
    public string? NameNb { get; init; }
    public string? NameEn { get; init; }
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public VerificationLevel RequiredVerification { get; init; }
    public MembershipBenefits Benefits { get; init; }
    public bool ForInstitutions { get; init; }
    public bool Active { get; init; } = true;
}

/// <summary>A branch as an administrator edits it.</summary>
public sealed record BranchInput(string? Code, string? Name, bool IsMain);

/// <summary>A library's own details as its administrator edits them.</summary>
public sealed record LibraryInput(
    string? Name, string? OrganisationNumber, string? Municipality, string? DataProtectionOfficerName, string? DataProtectionOfficerEmail, int SmallCountThreshold);
