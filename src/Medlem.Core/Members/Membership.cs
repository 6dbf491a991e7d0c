using Medlem.Core.Privacy;

namespace Medlem.Core.Members;

/// <summary>
/// A person's membership of one library. Status and engagement stage are derived from the
/// dates, the verification and the activity summary (<see cref="MembershipStatusRules"/>,
/// <see cref="EngagementLadder"/>); they are never stored by hand.
/// </summary>
public sealed class Membership
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public int LibraryId { get; set; }

    public int MembershipTypeId { get; set; }

    public MembershipType? MembershipType { get; set; }

    /// <summary>The branch the member belongs to; null when the library has just one.</summary>
    public int? HomeBranchId { get; set; }

    /// <summary>
    /// Random pseudonym by which activity and statistics refer to this membership. Held only in
    /// the register; destroying it (erasure) leaves the statistics anonymous. Per membership,
    /// so two controllers' statistics cannot be joined through it.
    /// </summary>
    [PersonalData(MedlemTaxonomy.UniqueId)] public Guid Pseudonym { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateOnly ValidFrom { get; set; }

    /// <summary>Last valid day; null for an open-ended membership.</summary>
    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateOnly? ValidTo { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public VerificationLevel Verification { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>When a guardian approved the membership of a child under the approval age.</summary>
    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateTimeOffset? GuardianApprovedAt { get; set; }

    public Guid? ApprovedByGuardianId { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateTimeOffset? BlockedAt { get; set; }

    /// <summary>Free text written by staff; may name the person, so it is personal data.</summary>
    [PersonalData(MedlemTaxonomy.Note)] public string? BlockReason { get; set; }

    /// <summary>
    /// A limit on processing (GDPR art. 18 restriction, art. 21 objection to statistics, or an
    /// erasure waiting for a legal hold to be settled). A limited membership is left out of the
    /// statistics roster and the activity import's matching, so nothing new is linked to it.
    /// </summary>
    [PersonalData(MedlemTaxonomy.MembershipRecord)] public Privacy.Restriction.ProcessingLimit Limit { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateTimeOffset? LimitedAt { get; set; }

    /// <summary>On the user panel (brukerpanel): the top of the engagement ladder.</summary>
    [PersonalData(MedlemTaxonomy.MembershipRecord)] public bool OnUserPanel { get; set; }

    /// <summary>
    /// Activity summary kept in the register so status and stage can be evaluated without the
    /// statistics store: last day of recorded use (loan, digital loan or login, event, identified
    /// wifi) and loans in the last twelve months, as of <see cref="ActivityAsOf"/>. The activity
    /// import refreshes it; the statistics store stays the source of the figures.
    /// </summary>
    [PersonalData(MedlemTaxonomy.ActivitySummary)] public DateOnly? LastUsedOn { get; set; }

    [PersonalData(MedlemTaxonomy.ActivitySummary)] public int LoansLast12Months { get; set; }

    [PersonalData(MedlemTaxonomy.ActivitySummary)] public DateOnly? ActivityAsOf { get; set; }

    public List<LibraryCard> Cards { get; set; } = [];

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset CreatedAt { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>How well the member's identity is known; each level includes the ones below.</summary>
public enum VerificationLevel
{
    /// <summary>Registered, nothing verified yet (pending).</summary>
    None = 0,

    /// <summary>The e-mail address was confirmed through a link.</summary>
    EmailVerified = 1,

    /// <summary>Staff checked an identity document at the desk.</summary>
    IdentityCheckedAtDesk = 2,

    /// <summary>Logged in with electronic ID (ID-porten, BankID).</summary>
    ElectronicId = 3,
}
