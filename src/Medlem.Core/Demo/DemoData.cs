using Medlem.Core.Consortium;
using Medlem.Core.Members;

namespace Medlem.Core.Demo;

/// <summary>
/// A generated demo consortium as plain data. Libraries, branches and membership types refer
/// to each other by code, not by database id, so the loader can let the database assign ids
/// (identity columns on PostgreSQL must not be written by hand). People and memberships carry
/// Guid ids generated from the seed, so the same seed gives the same register.
/// </summary>
public sealed record DemoData(
    int Seed,
    double Scale,
    DateOnly Today,
    IReadOnlyList<DemoLibrary> Libraries,
    IReadOnlyList<DemoPerson> People,
    IReadOnlyList<DemoGuardianship> Guardianships,
    IReadOnlyList<DemoMembership> Memberships,
    IReadOnlyList<DemoCard> Cards,
    IReadOnlyList<DemoStaffAccount> StaffAccounts);

public sealed record DemoLibrary(
    string Code,
    string Name,
    LibraryKind Kind,
    string OrganisationNumber,
    string Municipality,
    string? ParentCode,
    string DataProtectionOfficerName,
    string DataProtectionOfficerEmail,
    string CardPrefix,
    IReadOnlyList<DemoBranch> Branches);

public sealed record DemoBranch(string Code, string Name, bool IsMain);

public sealed record DemoAddress(string Street, string PostalCode, string City);

public sealed record DemoPerson(
    Guid Id,
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string? NationalIdentityNumber,
    DemoAddress? Address,
    PreferredLanguage PreferredLanguage,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DemoContactPoint> ContactPoints);

public sealed record DemoContactPoint(ContactKind Kind, string Value, bool Verified, DateTimeOffset? VerifiedAt);

public sealed record DemoGuardianship(Guid ChildId, Guid GuardianId, DateTimeOffset CreatedAt);

/// <summary>One membership with its activity summary and the latent activity profile behind it.</summary>
public sealed record DemoMembership(
    Guid Id,
    Guid PersonId,
    string LibraryCode,
    string TypeCode,
    string? HomeBranchCode,
    Guid Pseudonym,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    VerificationLevel Verification,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? GuardianApprovedAt,
    Guid? ApprovedByGuardianId,
    DateTimeOffset? BlockedAt,
    string? BlockReason,
    bool OnUserPanel,
    DateOnly? LastUsedOn,
    int LoansLast12Months,
    DateOnly ActivityAsOf,
    DateTimeOffset CreatedAt,
    DemoActivityProfile Profile);

/// <summary>
/// The latent propensities of a membership: the input the activity generator uses to write
/// loans, events, wifi sessions and digital loans consistent with the summary above. Never
/// stored in the register: a real register has no such thing, it only observes behaviour.
/// </summary>
/// <param name="LoansPerYear">Rate behind <see cref="DemoMembership.LoansLast12Months"/> (0 for a non-borrower).</param>
/// <param name="EventsPerYear">Expected event attendances a year.</param>
/// <param name="WifiSessionsPerMonth">Expected identified wifi sessions a month.</param>
/// <param name="DigitalLoansPerYear">Expected e-book and audiobook loans a year.</param>
/// <param name="Channel">The channel that made a non-borrowing member active in the last 12 months, if any.</param>
public sealed record DemoActivityProfile(
    double LoansPerYear,
    double EventsPerYear,
    double WifiSessionsPerMonth,
    double DigitalLoansPerYear,
    DemoChannel Channel)
{
    public static readonly DemoActivityProfile None = new(0, 0, 0, 0, DemoChannel.None);
}

/// <summary>What kept a member active besides loans (the "active but not borrowing" group).</summary>
public enum DemoChannel
{
    None = 0,
    Loans = 1,
    Events = 2,
    Wifi = 3,
    DigitalLoans = 4,
}

public sealed record DemoCard(
    Guid MembershipId,
    string LibraryCode,
    string Number,
    CardStatus Status,
    DateOnly IssuedOn,
    DateTimeOffset? StatusChangedAt);

public sealed record DemoStaffAccount(string LibraryCode, string UserName, string DisplayName, StaffRoles Roles);
