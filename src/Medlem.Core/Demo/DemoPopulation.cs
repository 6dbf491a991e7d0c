namespace Medlem.Core.Demo;

/// <summary>
/// The age of registered members: a Norwegian city's population pyramid (roughly Statistics
/// Norway's, table 07459: flat through childhood, a bulge of students and young workers in the
/// twenties and thirties, thinning after 70) multiplied by how likely each age is to hold a
/// library card (nearly every schoolchild, a third of adults). Ages are whole years on <c>today</c>.
/// </summary>
internal static class DemoPopulation
{
    public const int MaxAge = 99;

    private static readonly double[] Cumulative = BuildCumulative();

    /// <summary>Inhabitants of each single year of age, relative (per cent of the population, roughly).</summary>
    public static double Inhabitants(int age) => age switch
    {
        <= 5 => 1.10,
        <= 15 => 1.15,
        <= 19 => 1.20,
        <= 29 => 1.58,
        <= 39 => 1.50,
        <= 54 => 1.40,
        <= 64 => 1.22,
        <= 69 => 1.05,
        <= 74 => 0.95,
        <= 79 => 0.75,
        <= 84 => 0.50,
        <= 89 => 0.30,
        <= 94 => 0.12,
        _ => 0.03,
    };

    /// <summary>Share of each age holding a membership of the city library.</summary>
    public static double MembershipRate(int age) => age switch
    {
        <= 1 => 0.10,
        <= 5 => 0.35,
        <= 12 => 0.80,
        <= 15 => 0.75,
        <= 19 => 0.55,
        <= 29 => 0.40,
        <= 44 => 0.38,
        <= 66 => 0.34,
        <= 79 => 0.33,
        _ => 0.22,
    };

    /// <summary>An age drawn from the member age distribution.</summary>
    public static int SampleAge(Random random)
    {
        var x = random.NextDouble() * Cumulative[^1];
        var index = Array.BinarySearch(Cumulative, x);
        return index >= 0 ? index : Math.Min(~index, MaxAge);
    }

    /// <summary>A birth date giving exactly <paramref name="age"/> on <paramref name="today"/>.</summary>
    public static DateOnly BirthDateFor(int age, DateOnly today, Random random)
    {
        var latest = today.AddYears(-age);
        var earliest = today.AddYears(-age - 1).AddDays(1);
        var span = latest.DayNumber - earliest.DayNumber;
        return DateOnly.FromDayNumber(earliest.DayNumber + random.Next(span + 1));
    }

    private static double[] BuildCumulative()
    {
        var cumulative = new double[MaxAge + 1];
        var sum = 0.0;
        for (var age = 0; age <= MaxAge; age++)
        {
            sum += Inhabitants(age) * MembershipRate(age);
            cumulative[age] = sum;
        }

        return cumulative;
    }
}
