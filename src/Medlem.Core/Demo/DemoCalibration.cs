namespace Medlem.Core.Demo;

/// <summary>
/// The figures the demo is calibrated to, so that the insight pages show the seed project's
/// picture of Stavanger and tests can check that a change to the generator keeps it. Seed
/// figures come from Stavanger bibliotek's application "Personaliserte tjenester" (2017–2018),
/// which summarises the user-insight report Brukerinnsikt 1.0 (autumn 2016, loan data of 2015);
/// see DESIGN.md §1. The other figures are choices, marked as such.
/// </summary>
public static class DemoCalibration
{
    /// <summary>Seed: "26766 brukere som lånte medier i løpet av et helt år" — members with at least one loan in 12 months.</summary>
    public const int StavangerActiveBorrowers = 26_766;

    /// <summary>Seed: "6715 lånere hadde i 2015 mellom 1-3 lån" — the "easy growth" group.</summary>
    public const int StavangerOneToThreeLoanBorrowers = 6_715;

    /// <summary>
    /// Seed: upper-secondary pupils, students and young adults ("folk i etableringsfasen") borrow
    /// least, 1.76 loans on average. Read as the mean over all members aged
    /// <see cref="YoungAdultMinAge"/>–<see cref="YoungAdultMaxAge"/>, zeros included.
    /// </summary>
    public const double YoungAdultMeanLoans = 1.76;

    public const int YoungAdultMinAge = 16;
    public const int YoungAdultMaxAge = 29;

    /// <summary>Seed: children of compulsory school age (grades 1–10) borrow most.</summary>
    public const int SchoolChildMinAge = 6;

    public const int SchoolChildMaxAge = 15;

    /// <summary>Seed (for the activity generator): 28,835 unique devices on the free wifi in December 2016.</summary>
    public const int StavangerWifiUniqueDevicesPerMonth = 28_835;

    /// <summary>Seed (for the activity generator): 182,522 wifi sessions in that month.</summary>
    public const int StavangerWifiSessionsPerMonth = 182_522;

    /// <summary>Seed (for the activity generator): "nesten 35 000 voksne" attended events at Sølvberget in 2015.</summary>
    public const int StavangerAdultEventAttendances = 35_000;

    /// <summary>Choice: inhabitants of Stavanger municipality, rounded; other cities scale from it.</summary>
    public const int StavangerInhabitants = 145_000;

    /// <summary>
    /// Choice: registered members of Stavanger bibliotek in the 12-month period at scale 1 — about
    /// 41 % of inhabitants, inside the plausible 55,000–65,000. Memberships that lapsed before the
    /// period are generated on top and are not registered members.
    /// </summary>
    public const int StavangerRegisteredMembers = 60_000;

    /// <summary>
    /// Choice: share of registered members without any recorded use in the period. The seed says
    /// only "a large share of passive borrowers"; half is the working assumption.
    /// </summary>
    public const double PassiveShare = 0.50;

    /// <summary>The period of every calibrated figure: the 12 months ending on <c>today</c>.</summary>
    public const int PeriodMonths = 12;

    public static double ActiveBorrowerShare => (double)StavangerActiveBorrowers / StavangerRegisteredMembers;

    public static double OneToThreeShare => (double)StavangerOneToThreeLoanBorrowers / StavangerRegisteredMembers;

    /// <summary>The age bands of DESIGN.md §6, on the last day of the period.</summary>
    public static IReadOnlyList<(int Min, int Max)> AgeBands { get; } =
        [(0, 5), (6, 12), (13, 15), (16, 19), (20, 29), (30, 44), (45, 66), (67, 200)];

    /// <summary>First day of the period ending on <paramref name="today"/>.</summary>
    public static DateOnly PeriodStart(DateOnly today) => today.AddMonths(-PeriodMonths).AddDays(1);
}
