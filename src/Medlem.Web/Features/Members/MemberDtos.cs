using Medlem.Core.Members;

namespace Medlem.Web.Features.Members;

/// <summary>A member as the API shows it to staff of one library. The national identity number is always masked.</summary>
public sealed record MemberDto(
    Guid Id,
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    int Age,
    string? NationalIdentityNumberMasked,
    AddressDto? Address,
    ContactDto? Email,
    ContactDto? Mobile,
    PreferredLanguage PreferredLanguage,
    IReadOnlyList<MembershipDto> Memberships,
    IReadOnlyList<RelatedPerson> Guardians,
    IReadOnlyList<RelatedPerson> Children)
{
    public static MemberDto From(MemberView view) => new(
        view.PersonId,
        view.GivenName,
        view.FamilyName,
        view.BirthDate,
        view.Age,
        view.MaskedNationalIdentityNumber,
        view.Address is { } a ? new AddressDto(a.Street, a.PostalCode, a.City, a.Country) : null,
        Contact(view, ContactKind.Email),
        Contact(view, ContactKind.Mobile),
        view.PreferredLanguage,
        view.Memberships.Select(MembershipDto.From).ToList(),
        view.Guardians,
        view.Children);

    private static ContactDto? Contact(MemberView view, ContactKind kind) =>
        view.ContactPoints.FirstOrDefault(c => c.Kind == kind) is { } c ? new ContactDto(c.Value, c.Verified) : null;
}

public sealed record AddressDto(string Street, string PostalCode, string City, string Country);

public sealed record ContactDto(string Value, bool Verified);

public sealed record MembershipDto(
    Guid Id,
    string TypeCode,
    string TypeName,
    int? HomeBranchId,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    VerificationLevel Verification,
    MembershipStatus Status,
    EngagementStage Stage,
    bool AwaitsGuardianApproval,
    IReadOnlyList<CardDto> Cards)
{
    public static MembershipDto From(MembershipView m) => new(
        m.MembershipId, m.Type.Code, m.Type.NameNb, m.HomeBranchId, m.ValidFrom, m.ValidTo, m.Verification, m.Status, m.Stage,
        m.AwaitsGuardianApproval, m.Cards.Select(CardDto.From).ToList());
}

public sealed record CardDto(int Id, string Number, CardStatus Status, DateOnly IssuedOn)
{
    public static CardDto From(LibraryCard card) => new(card.Id, card.Number, card.Status, card.IssuedOn);
}

/// <summary>The body of POST /api/v1/members.</summary>
public sealed record RegisterMemberRequest(
    string? GivenName,
    string? FamilyName,
    DateOnly? BirthDate,
    string? NationalIdentityNumber,
    AddressDto? Address,
    string? Email,
    string? Mobile,
    PreferredLanguage PreferredLanguage,
    string? MembershipTypeCode,
    int? HomeBranchId,
    VerificationLevel Verification,
    IReadOnlyList<Guid>? GuardianIds,
    bool GuardianApprovedAtDesk,
    string? CardNumber)
{
    public RegisterMemberInput ToInput() => new()
    {
        Details = MemberDetailsRequest.ToDetails(GivenName, FamilyName, BirthDate, NationalIdentityNumber, Address, Email, Mobile, PreferredLanguage),
        MembershipTypeCode = MembershipTypeCode,
        HomeBranchId = HomeBranchId,
        Verification = Verification,
        GuardianIds = GuardianIds ?? [],
        GuardianApprovedAtDesk = GuardianApprovedAtDesk,
        CardNumber = CardNumber,
    };
}

/// <summary>The body of PUT /api/v1/members/{id}: the person's details. An omitted identity number keeps the stored one.</summary>
public sealed record MemberDetailsRequest(
    string? GivenName,
    string? FamilyName,
    DateOnly? BirthDate,
    string? NationalIdentityNumber,
    AddressDto? Address,
    string? Email,
    string? Mobile,
    PreferredLanguage PreferredLanguage)
{
    public MemberDetailsInput ToInput() =>
        ToDetails(GivenName, FamilyName, BirthDate, NationalIdentityNumber, Address, Email, Mobile, PreferredLanguage);

    internal static MemberDetailsInput ToDetails(
        string? givenName, string? familyName, DateOnly? birthDate, string? nin, AddressDto? address, string? email, string? mobile, PreferredLanguage language) => new()
        {
            GivenName = givenName,
            FamilyName = familyName,
            BirthDate = birthDate,
            NationalIdentityNumber = nin,
            Street = address?.Street,
            PostalCode = address?.PostalCode,
            City = address?.City,
            Country = address?.Country,
            Email = email,
            Mobile = mobile,
            PreferredLanguage = language,
        };
}
