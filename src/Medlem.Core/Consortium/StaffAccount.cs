using Medlem.Core.Privacy;

namespace Medlem.Core.Consortium;

/// <summary>
/// A staff member's account. It belongs to exactly one library and sees only that library's
/// members. Staff and members are different principals: a staff member who borrows books has
/// a member record too, signed in to separately.
/// </summary>
public sealed class StaffAccount : Common.ILockableAccount
{
    public int Id { get; set; }

    public int LibraryId { get; set; }

    public Library? Library { get; set; }

    [PersonalData(MedlemTaxonomy.AccountUserName)] public required string UserName { get; set; }

    [PersonalData(MedlemTaxonomy.UserName)] public required string DisplayName { get; set; }

    /// <summary>An ASP.NET Core Identity password hash; never the password.</summary>
    [PersonalData(MedlemTaxonomy.Credentials)] public required string PasswordHash { get; set; }

    [PersonalData(MedlemTaxonomy.AccountRole)] public StaffRoles Roles { get; set; }

    [PersonalData(MedlemTaxonomy.Credentials)] public int FailedSignIns { get; set; }

    [PersonalData(MedlemTaxonomy.Credentials)] public DateTimeOffset? LockedUntil { get; set; }

    [PersonalData(MedlemTaxonomy.AccountRole)] public bool Disabled { get; set; }
}

/// <summary>The roles a staff account can hold; several at once.</summary>
[Flags]
public enum StaffRoles
{
    None = 0,
    Desk = 1,
    CustomerCare = 2,
    Analyst = 4,
    DataProtectionOfficer = 8,
    Administrator = 16,
}
