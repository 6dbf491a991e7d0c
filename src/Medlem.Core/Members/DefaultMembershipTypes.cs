namespace Medlem.Core.Members;

/// <summary>
/// The membership types a new library starts with: Norwegian public-library practice, each
/// library may change or add to them.
/// </summary>
public static class DefaultMembershipTypes
{
    private const MembershipBenefits Digital =
        MembershipBenefits.Wifi | MembershipBenefits.EventBooking | MembershipBenefits.Newsletters | MembershipBenefits.EResources;

    private const MembershipBenefits Full =
        Digital | MembershipBenefits.PhysicalLoans | MembershipBenefits.DigitalLoans | MembershipBenefits.Makerspace | MembershipBenefits.InterlibraryLoans;

    /// <summary>Codes of the defaults, as used by the demo and the activity importers.</summary>
    public static class Codes
    {
        public const string Digital = "DIGITAL";
        public const string Borrower = "VOKSEN";
        public const string Child = "BARN";
        public const string Youth = "UNGDOM";
        public const string Student = "STUDENT";
        public const string Institution = "INST";
        public const string NationalDigital = "NASJDIG";
    }

    public static IReadOnlyList<MembershipType> For(int libraryId) =>
    [
        new()
        {
            LibraryId = libraryId, Code = Codes.Digital, NameNb = "Digitalt medlem", NameEn = "Digital member",
            MinAge = 13, RequiredVerification = VerificationLevel.EmailVerified, Benefits = Digital,
        },
        new()
        {
            LibraryId = libraryId, Code = Codes.Borrower, NameNb = "Låner", NameEn = "Borrower",
            MinAge = 18, RequiredVerification = VerificationLevel.IdentityCheckedAtDesk, Benefits = Full,
        },
        new()
        {
            LibraryId = libraryId, Code = Codes.Child, NameNb = "Barn", NameEn = "Child",
            MaxAge = 14, RequiredVerification = VerificationLevel.IdentityCheckedAtDesk,
            Benefits = Full & ~MembershipBenefits.InterlibraryLoans,
        },
        new()
        {
            LibraryId = libraryId, Code = Codes.Youth, NameNb = "Ungdom", NameEn = "Youth",
            MinAge = 15, MaxAge = 19, RequiredVerification = VerificationLevel.IdentityCheckedAtDesk, Benefits = Full,
        },
        new()
        {
            LibraryId = libraryId, Code = Codes.Student, NameNb = "Student", NameEn = "Student",
            MinAge = 16, RequiredVerification = VerificationLevel.IdentityCheckedAtDesk, Benefits = Full,
        },
        new()
        {
            LibraryId = libraryId, Code = Codes.Institution, NameNb = "Institusjon", NameEn = "Institution",
            MinAge = 18, RequiredVerification = VerificationLevel.IdentityCheckedAtDesk,
            Benefits = MembershipBenefits.PhysicalLoans | MembershipBenefits.InterlibraryLoans, ForInstitutions = true,
        },
        new()
        {
            LibraryId = libraryId, Code = Codes.NationalDigital, NameNb = "Nasjonal digital bruker", NameEn = "National digital user",
            MinAge = 15, RequiredVerification = VerificationLevel.ElectronicId,
            Benefits = MembershipBenefits.DigitalLoans | MembershipBenefits.EResources | MembershipBenefits.Newsletters,
        },
    ];
}
