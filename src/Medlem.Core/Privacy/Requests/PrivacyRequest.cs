namespace Medlem.Core.Privacy.Requests;

/// <summary>The data subject's rights a request can invoke (GDPR art. 15–21).</summary>
public enum RequestKind
{
    Access = 1,
    Portability = 2,
    Rectification = 3,
    Restriction = 4,
    Objection = 5,
    Erasure = 6,
}

public enum RequestStatus
{
    /// <summary>Received; the requester's identity is not yet verified.</summary>
    Received = 1,

    /// <summary>Identity verified; being handled.</summary>
    Verified = 2,

    Completed = 3,

    /// <summary>Refused, with a reason (e.g. identity could not be verified, manifestly unfounded).</summary>
    Rejected = 4,
}

/// <summary>How the requester's identity was verified (art. 12(6)).</summary>
public enum RequestVerification
{
    None = 0,
    IdentityDocumentAtDesk = 1,
    ElectronicId = 2,
    VerifiedEmail = 3,
}

public enum RequestChannel
{
    Desk = 1,
    MemberPage = 2,
    Letter = 3,
}

/// <summary>
/// A data-subject request and what was done with it: the record the controller must be able to
/// show (art. 5(2), 12). Due one month after receipt, extendable once by up to two months with a
/// reason (art. 12(3)). The requester's own words (<see cref="Description"/>) are personal data
/// and go with the person on erasure; the rest stays as the record, naming no one.
/// </summary>
public sealed class PrivacyRequest
{
    public Guid Id { get; set; }

    public int LibraryId { get; set; }

    /// <summary>The person the request is about; null once the person is erased (the record of the request stays).</summary>
    [PersonalData(MedlemTaxonomy.UniqueId)] public Guid? PersonId { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public RequestKind Kind { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public RequestChannel Channel { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public RequestStatus Status { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public DateTimeOffset ReceivedAt { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public DateOnly DueOn { get; set; }

    /// <summary>Why the deadline was extended (art. 12(3)): complexity or number of requests; told to the requester.</summary>
    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public string? ExtensionReason { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public RequestVerification Verification { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>What the requester asked, in their words (e.g. which detail is wrong).</summary>
    [PersonalData(MedlemTaxonomy.Note)] public string? Description { get; set; }

    /// <summary>What was done, in the handler's words, naming no one (the record that stays).</summary>
    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public string? Outcome { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the requester was given the receipt (printed at the desk, or on their page).</summary>
    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public DateTimeOffset? ReceiptGivenAt { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public int? ReceivedByStaffId { get; set; }

    [PersonalData(MedlemTaxonomy.PrivacyRequest)] public int? ClosedByStaffId { get; set; }

    public bool IsOpen => Status is RequestStatus.Received or RequestStatus.Verified;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;
}
