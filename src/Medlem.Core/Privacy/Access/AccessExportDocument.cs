using Medlem.Core.Members;
using Medlem.Statistics;

namespace Medlem.Core.Privacy.Access;

/// <summary>
/// Everything one library holds about a person (GDPR art. 15), as the access export gives it: the
/// person's own data, the library's memberships of them with cards and library-system ids, import
/// errors that may name their cards, the activity facts linked through each membership's pseudonym,
/// and the sections other features contribute (<see cref="IAccessExportPart"/>). The national
/// identity number is masked: see <see cref="ExportedPerson.NationalIdentityNumber"/>.
/// </summary>
public sealed record AccessExportDocument(
    DateTimeOffset CreatedAt,
    ExportedController Controller,
    ExportedPerson Person,
    IReadOnlyList<ExportedContact> ContactPoints,
    IReadOnlyList<ExportedRelation> Guardianships,
    IReadOnlyList<ExportedMembership> Memberships,
    ExportedImportErrors ImportRowErrors,
    IReadOnlyList<ExportedFact> Activity,
    IReadOnlyList<AccessExportSection> Sections);

/// <summary>The library that is the controller answering the request.</summary>
public sealed record ExportedController(string Code, string Name, string DataProtectionOfficerEmail);

/// <summary>
/// The person's own data. The national identity number is masked (birth date digits and
/// <c>*****</c>): an export is a file that travels (downloads, e-mail), and the person knows their
/// own number; the mask shows that it is held. The full number can be shown at the desk on request
/// (the note says so).
/// </summary>
public sealed record ExportedPerson(
    Guid Id,
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string? NationalIdentityNumber,
    string? NationalIdentityNumberNote,
    PostalAddress? Address,
    PreferredLanguage PreferredLanguage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record ExportedContact(ContactKind Kind, string Value, bool Verified, DateTimeOffset? VerifiedAt);

/// <summary>A guardianship: role <c>guardian</c> when the named person is the person's guardian, <c>child</c> when the person is the named child's guardian.</summary>
public sealed record ExportedRelation(string Role, string Name, DateTimeOffset Since);

public sealed record ExportedMembership(
    Guid Id,
    Guid Pseudonym,
    string MembershipType,
    string? HomeBranch,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    VerificationLevel Verification,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? GuardianApprovedAt,
    DateTimeOffset? BlockedAt,
    string? BlockReason,
    bool OnUserPanel,
    DateOnly? LastUsedOn,
    int LoansLast12Months,
    DateOnly? ActivityAsOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ExportedCard> Cards,
    IReadOnlyList<ExportedSourceIdentity> SourceIdentities);

public sealed record ExportedCard(string Number, CardStatus Status, DateOnly IssuedOn, DateTimeOffset? StatusChangedAt);

/// <summary>The person's id in a library system (Koha borrowernumber, FOLIO user id).</summary>
public sealed record ExportedSourceIdentity(string System, string ExternalId);

/// <summary>
/// Rejected import rows keep identifying values masked (<c>21••••17</c>), never whole, so they can
/// be linked to a card only by its mask, which other cards may share; values under eight characters
/// are wholly masked and cannot be linked at all. <see cref="Note"/> says so in the export.
/// </summary>
public sealed record ExportedImportErrors(string Note, IReadOnlyList<ExportedImportError> Rows);

public sealed record ExportedImportError(string FileName, DateTimeOffset ImportedAt, long Line, string? Column, string? MaskedValue, string Reason);

/// <summary>One activity fact of a membership; <see cref="Title"/> only where the member keeps a reading history.</summary>
public sealed record ExportedFact(
    Guid MembershipId, DateOnly Day, FactKind Kind, string? Branch, string? Media, string? Category, string? Event, int? Minutes, string? Title);

/// <summary>
/// A section another feature adds to the export (the audit trail, consents, requests): a stable
/// key (<c>audit</c>), a status (<c>included</c>, or <c>not-yet-recorded</c> while the feature does
/// not exist), a note for the reader, and entries as named values.
/// </summary>
public sealed record AccessExportSection(string Key, string Status, string? Note, IReadOnlyList<IReadOnlyDictionary<string, string?>> Entries);
