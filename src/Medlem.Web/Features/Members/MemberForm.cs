using Medlem.Core.Members;

namespace Medlem.Web.Features.Members;

/// <summary>The person fields of the register and edit forms.</summary>
public sealed class MemberForm
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? NationalIdentityNumber { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; } = "NO";
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public PreferredLanguage PreferredLanguage { get; set; }

    public MemberDetailsInput ToInput() => new()
    {
        GivenName = GivenName, FamilyName = FamilyName, BirthDate = BirthDate, NationalIdentityNumber = NationalIdentityNumber,
        Street = Street, PostalCode = PostalCode, City = City, Country = Country, Email = Email, Mobile = Mobile,
        PreferredLanguage = PreferredLanguage,
    };

    public static MemberForm From(MemberView view) => new()
    {
        GivenName = view.GivenName, FamilyName = view.FamilyName, BirthDate = view.BirthDate,
        Street = view.Address?.Street, PostalCode = view.Address?.PostalCode, City = view.Address?.City, Country = view.Address?.Country ?? "NO",
        Email = view.ContactPoints.FirstOrDefault(c => c.Kind == ContactKind.Email)?.Value,
        Mobile = view.ContactPoints.FirstOrDefault(c => c.Kind == ContactKind.Mobile)?.Value,
        PreferredLanguage = view.PreferredLanguage,
    };
}
