namespace Medlem.Core.Privacy.Audit;

/// <summary>
/// One staff access to an identified member's data: who (library and staff account), when,
/// whose data (person and membership), what was done and why (a purpose code chosen by the code
/// path). Entries form a hash chain: <see cref="Hash"/> covers every field and
/// <see cref="PreviousHash"/>, so a changed, removed, inserted or reordered entry breaks
/// <see cref="AuditChain.VerifyAsync"/>. The application only ever appends
/// (<see cref="AuditTrail"/>); see README.md beside this file for erasure.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… without gaps: the position in the chain, assigned by <see cref="AuditTrail"/>.</summary>
    [NotPersonalData] public long Sequence { get; set; }

    /// <summary>UTC, whole microseconds (what PostgreSQL's timestamptz keeps, so the hash survives a round trip).</summary>
    [PersonalData(MedlemTaxonomy.AccessLog)] public DateTimeOffset At { get; set; }

    /// <summary>The library of the staff member who read; their DPO sees the entry.</summary>
    [NotPersonalData] public int LibraryId { get; set; }

    /// <summary>The staff member who read (personal data about the staff member).</summary>
    [PersonalData(MedlemTaxonomy.AccessLog)] public int StaffAccountId { get; set; }

    /// <summary>The person whose data was read; null only once erased (see <see cref="SubjectSalt"/>).</summary>
    [PersonalData(MedlemTaxonomy.UniqueId)] public Guid? PersonId { get; set; }

    /// <summary>The membership of <see cref="LibraryId"/> whose data was read, when there is one.</summary>
    [PersonalData(MedlemTaxonomy.UniqueId)] public Guid? MembershipId { get; set; }

    /// <summary>
    /// Random per entry (hex); with the subject ids it gives <see cref="SubjectDigest"/>. Erasure
    /// sets it and both subject ids to null: the digest then names nobody, and the chain still verifies.
    /// </summary>
    [PersonalData(MedlemTaxonomy.UniqueId)] public string? SubjectSalt { get; set; }

    /// <summary>SHA-256 (hex) of salt and subject ids; the entry's hash covers this, not the ids.</summary>
    [NotPersonalData] public required string SubjectDigest { get; set; }

    [PersonalData(MedlemTaxonomy.AccessLog)] public AuditAction Action { get; set; }

    /// <summary>A code from <see cref="AuditPurposes"/>, e.g. <c>desk.details</c>; never typed by a user.</summary>
    [PersonalData(MedlemTaxonomy.AccessLog)] public required string Purpose { get; set; }

    /// <summary>The hash of entry <c>Sequence - 1</c>; 64 zeros for the first.</summary>
    [NotPersonalData] public required string PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="AuditHash.Canonical"/>.</summary>
    [NotPersonalData] public required string Hash { get; set; }
}

/// <summary>What the staff member did. Stored and hashed as the number, so names may change.</summary>
public enum AuditAction
{
    Read = 1,
    Search = 2,
    Create = 3,
    Update = 4,
    Export = 5,
    Erase = 6,
}
