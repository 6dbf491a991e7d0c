using Medlem.Core.Privacy;

namespace Medlem.Core.Members.Accounts;

/// <summary>
/// A one-time link sent by e-mail: confirm an address, reset a PIN or password, or let a guardian
/// approve a child's membership. Only a SHA-256 hash of the link's random token is stored, so a
/// copy of the database cannot be used to follow a link. A link works once, before it expires,
/// and only for the person (and membership) it was made for.
/// </summary>
public sealed class MemberLink
{
    public Guid Id { get; set; }

    /// <summary>Whom the link is about: the new member, the member resetting a PIN, or the child.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The membership the link is about, where it is about one (guardian approval, sign-up).</summary>
    public Guid? MembershipId { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public MemberLinkPurpose Purpose { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    [PersonalData(MedlemTaxonomy.Credentials)] public required string TokenHash { get; set; }

    /// <summary>The address the link was sent to (normalised); the guardian's address for an approval.</summary>
    [PersonalData(MedlemTaxonomy.Contact)] public required string SentTo { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset CreatedAt { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the link was followed; a used link never works again.</summary>
    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset? UsedAt { get; set; }
}

public enum MemberLinkPurpose
{
    /// <summary>Confirms the e-mail address given at sign-up (or added later).</summary>
    ConfirmEmail = 0,

    /// <summary>Lets the member choose a new PIN or password.</summary>
    ResetSecret = 1,

    /// <summary>Lets a guardian approve a child's membership.</summary>
    GuardianApproval = 2,
}
