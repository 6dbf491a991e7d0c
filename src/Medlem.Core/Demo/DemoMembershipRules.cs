using Medlem.Core.Members;
using Codes = Medlem.Core.Members.DefaultMembershipTypes.Codes;

namespace Medlem.Core.Demo;

/// <summary>
/// Which membership type a member of a given age holds, how it was verified and when it began.
/// The choices respect the age limits and verification levels of <see cref="DefaultMembershipTypes"/>,
/// so every generated membership is one the real rules would allow.
/// </summary>
internal static class DemoMembershipRules
{
    /// <summary>The oldest a membership can be: the demo's libraries moved to the shared system 15 years ago.</summary>
    public const int HistoryYears = 15;

    /// <summary>Digital memberships are newer offers than cards.</summary>
    public const int DigitalHistoryYears = 6;

    private static readonly Dictionary<string, MembershipType> Types =
        DefaultMembershipTypes.For(0).ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static MembershipType Type(string code) => Types[code];

    /// <summary>The type a person of <paramref name="age"/> holds; always allowed for that age.</summary>
    public static string ChooseType(int age, Random random)
    {
        ReadOnlySpan<double> weights = age switch
        {
            < 13 => [0, 0, 1, 0, 0, 0, 0],
            < 15 => [0.04, 0, 0.96, 0, 0, 0, 0],
            15 => [0.03, 0, 0, 0.95, 0, 0, 0.02],
            < 18 => [0.05, 0, 0, 0.88, 0.04, 0, 0.03],
            < 20 => [0.06, 0.22, 0, 0.55, 0.14, 0, 0.03],
            < 30 => [0.12, 0.53, 0, 0, 0.30, 0.01, 0.04],
            < 45 => [0.09, 0.82, 0, 0, 0.03, 0.03, 0.03],
            < 67 => [0.07, 0.87, 0, 0, 0.01, 0.02, 0.03],
            _ => [0.04, 0.93, 0, 0, 0, 0, 0.03],
        };
        return Order[random.PickWeighted(weights)];
    }

    /// <summary>Codes in the order of the weights in <see cref="ChooseType"/>.</summary>
    private static readonly string[] Order =
        [Codes.Digital, Codes.Borrower, Codes.Child, Codes.Youth, Codes.Student, Codes.Institution, Codes.NationalDigital];

    public static bool IsDigitalOnly(string code) => code is Codes.Digital or Codes.NationalDigital;

    public static bool AllowsPhysicalLoans(string code) => (Type(code).Benefits & MembershipBenefits.PhysicalLoans) != 0;

    /// <summary>The level a verified member of this type has: the required one, sometimes more (signed up with BankID).</summary>
    public static VerificationLevel VerifiedLevel(string code, int age, Random random)
    {
        var required = Type(code).RequiredVerification;
        return required == VerificationLevel.IdentityCheckedAtDesk && age >= 18 && random.Chance(0.2)
            ? VerificationLevel.ElectronicId
            : required;
    }

    /// <summary>The level of a member still waiting: below what the type needs.</summary>
    public static VerificationLevel PendingLevel(string code, Random random) =>
        Type(code).RequiredVerification == VerificationLevel.EmailVerified || random.Chance(0.3)
            ? VerificationLevel.None
            : VerificationLevel.EmailVerified;

    /// <summary>
    /// First valid day. Recent joins are more common than old ones (members who joined long ago
    /// have had more time to leave), some within the last 90 days; never before the person was old
    /// enough for the type (or two years old), never after <paramref name="latest"/>.
    /// </summary>
    public static DateOnly ValidFrom(string code, DateOnly birth, DateOnly today, DateOnly latest, bool recent, Random random)
    {
        var type = Type(code);
        var years = IsDigitalOnly(code) ? DigitalHistoryYears : HistoryYears;
        var earliest = Max(today.AddYears(-years), birth.AddYears(Math.Max(2, type.MinAge ?? 0)));
        if (earliest > latest)
        {
            return latest;
        }

        var span = latest.DayNumber - earliest.DayNumber;
        if (recent && latest == today)
        {
            return today.AddDays(-random.Next(Math.Min(90, span + 1)));
        }

        var back = (int)(span * (1.0 - Math.Sqrt(random.NextDouble())));
        return latest.AddDays(-back);
    }

    /// <summary>A moment on <paramref name="day"/> during opening hours (UTC, as the register stores it).</summary>
    public static DateTimeOffset During(DateOnly day, Random random) =>
        new(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(10 * 60)), TimeSpan.Zero);

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
