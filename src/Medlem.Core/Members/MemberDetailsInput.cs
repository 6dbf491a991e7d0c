namespace Medlem.Core.Members;

/// <summary>A person's details as typed at the desk or sent to the API; validated by <see cref="MemberDetailsValidator"/>.</summary>
public sealed record MemberDetailsInput
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? BirthDate { get; init; }

    /// <summary>Optional fødselsnummer or D-number; on update, null keeps the stored one.</summary>
    public string? NationalIdentityNumber { get; init; }

    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? Email { get; init; }
    public string? Mobile { get; init; }
    public PreferredLanguage PreferredLanguage { get; init; }
}

/// <summary>Details that passed validation, cleaned and normalised.</summary>
public sealed record ValidMemberDetails(
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string? NationalIdentityNumber,
    PostalAddress? Address,
    string? Email,
    string? Mobile,
    PreferredLanguage PreferredLanguage);
