namespace Medlem.Statistics;

/// <summary>The age bands of DESIGN.md §6: 0–5, 6–12, 13–15, 16–19, 20–29, 30–44, 45–66, 67+.</summary>
public enum AgeBand : byte
{
    Age0To5 = 1,
    Age6To12 = 2,
    Age13To15 = 3,
    Age16To19 = 4,
    Age20To29 = 5,
    Age30To44 = 6,
    Age45To66 = 7,
    Age67Plus = 8,
}

public static class AgeBands
{
    public static AgeBand Of(int years) => years switch
    {
        <= 5 => AgeBand.Age0To5,
        <= 12 => AgeBand.Age6To12,
        <= 15 => AgeBand.Age13To15,
        <= 19 => AgeBand.Age16To19,
        <= 29 => AgeBand.Age20To29,
        <= 44 => AgeBand.Age30To44,
        <= 66 => AgeBand.Age45To66,
        _ => AgeBand.Age67Plus,
    };

    /// <summary>The band of someone born on <paramref name="birthDate"/>, on <paramref name="day"/>.</summary>
    public static AgeBand Of(DateOnly birthDate, DateOnly day)
    {
        // Each of DateOnly's Year, Month and Day works out the whole date from a day number; this runs for every fact.
        var (year, month, date) = day;
        var (bornYear, bornMonth, bornDate) = birthDate;
        var years = year - bornYear;
        if (month < bornMonth || (month == bornMonth && date < bornDate))
        {
            years--;
        }

        return Of(Math.Max(years, 0));
    }

    /// <summary>Label as shown: "0–5", "67+".</summary>
    public static string Label(this AgeBand band) => band switch
    {
        AgeBand.Age0To5 => "0–5",
        AgeBand.Age6To12 => "6–12",
        AgeBand.Age13To15 => "13–15",
        AgeBand.Age16To19 => "16–19",
        AgeBand.Age20To29 => "20–29",
        AgeBand.Age30To44 => "30–44",
        AgeBand.Age45To66 => "45–66",
        _ => "67+",
    };
}
