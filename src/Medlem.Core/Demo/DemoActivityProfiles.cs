using Codes = Medlem.Core.Members.DefaultMembershipTypes.Codes;

namespace Medlem.Core.Demo;

/// <summary>
/// The per-membership activity profile handed to the activity generator: how many events,
/// wifi sessions and digital loans to write for a member, besides the loans already counted.
/// Propensities by age follow the seed's picture: young adults use the building and the wifi
/// but borrow little, older adults come to events, digital members live on e-resources.
/// Passive members get <see cref="DemoActivityProfile.None"/>.
/// </summary>
internal static class DemoActivityProfiles
{
    public static DemoActivityProfile ForBorrower(int age, double loansPerYear, Random random) =>
        new(
            loansPerYear,
            random.Chance(EventChance(age)) ? EventsPerYear(random) : 0,
            random.Chance(WifiChance(age)) ? WifiPerMonth(random) : 0,
            random.Chance(DigitalChance(age)) ? DigitalPerYear(random) : 0,
            DemoChannel.Loans);

    /// <summary>An active member who does not borrow: the chosen channel is certain, others as for anyone.</summary>
    public static DemoActivityProfile ForNonBorrower(int age, DemoChannel channel, Random random) =>
        new(
            0,
            channel == DemoChannel.Events || random.Chance(EventChance(age) / 2) ? EventsPerYear(random) : 0,
            channel == DemoChannel.Wifi || random.Chance(WifiChance(age) / 2) ? WifiPerMonth(random) : 0,
            channel == DemoChannel.DigitalLoans || random.Chance(DigitalChance(age) / 2) ? DigitalPerYear(random) : 0,
            channel);

    /// <summary>What made a non-borrower active: digital loans for national digital users, wifi for the young, events for the old.</summary>
    public static DemoChannel ChannelFor(string typeCode, int age, Random random)
    {
        if (typeCode == Codes.NationalDigital)
        {
            return DemoChannel.DigitalLoans;
        }

        ReadOnlySpan<double> weights = typeCode == Codes.Digital ? [0.45, 0.45, 0.10]
            : age is >= 13 and <= 29 ? [0.20, 0.70, 0.10]
            : age >= 67 ? [0.65, 0.05, 0.30]
            : [0.50, 0.15, 0.35];
        return random.PickWeighted(weights) switch
        {
            0 => DemoChannel.Events,
            1 => DemoChannel.Wifi,
            _ => DemoChannel.DigitalLoans,
        };
    }

    public static double EventChance(int age) => age switch
    {
        <= 5 => 0.25,
        <= 12 => 0.20,
        <= 15 => 0.10,
        <= 29 => 0.12,
        <= 44 => 0.20,
        <= 66 => 0.22,
        _ => 0.30,
    };

    public static double WifiChance(int age) => age switch
    {
        <= 12 => 0.02,
        <= 15 => 0.35,
        <= 29 => 0.55,
        <= 66 => 0.15,
        _ => 0.05,
    };

    public static double DigitalChance(int age) => age switch
    {
        <= 12 => 0.05,
        <= 19 => 0.10,
        <= 66 => 0.20,
        _ => 0.12,
    };

    /// <summary>About 2.8 events a year for someone who comes at all.</summary>
    private static double EventsPerYear(Random random) => Math.Round(1.0 + random.Gamma(1.2, 1.5), 2);

    /// <summary>About 6 sessions a month for a wifi user.</summary>
    private static double WifiPerMonth(Random random) => Math.Round(1.0 + random.Gamma(1.0, 5.0), 2);

    /// <summary>About 7 e-book or audiobook loans a year.</summary>
    private static double DigitalPerYear(Random random) => Math.Round(1.0 + random.Gamma(0.8, 8.0), 2);
}
