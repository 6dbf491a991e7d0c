using Medlem.Core.Privacy;

namespace Medlem.Core.Members.Accounts;

/// <summary>
/// How a person signs in to the member pages ("Min side"): a PIN used with any of their card
/// numbers (the library norm), a password used with a verified e-mail address (digital members),
/// and the subject of their electronic ID. One per person, across the consortium's libraries.
/// Secrets are stored only as ASP.NET Core Identity password hashes.
/// </summary>
public sealed class MemberAccount : Common.ILockableAccount
{
    public Guid PersonId { get; set; }

    /// <summary>Hash of the PIN (four to eight digits) used with a card number.</summary>
    [PersonalData(MedlemTaxonomy.Credentials)] public string? PinHash { get; set; }

    /// <summary>Hash of the password used with a verified e-mail address.</summary>
    [PersonalData(MedlemTaxonomy.Credentials)] public string? PasswordHash { get; set; }

    /// <summary>
    /// The electronic-ID provider's stable subject (the OIDC <c>sub</c> claim) as a keyed hash,
    /// so a later electronic-ID sign-in finds the same person without storing the raw value.
    /// </summary>
    [PersonalData(MedlemTaxonomy.Credentials)] public string? ElectronicIdSubject { get; set; }

    /// <summary>Failed sign-ins in a row; reset on success. Too many lock the account for a while.</summary>
    [PersonalData(MedlemTaxonomy.Credentials)] public int FailedSignIns { get; set; }

    [PersonalData(MedlemTaxonomy.Credentials)] public DateTimeOffset? LockedUntil { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset? LastSignInAt { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset CreatedAt { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset UpdatedAt { get; set; }
}
