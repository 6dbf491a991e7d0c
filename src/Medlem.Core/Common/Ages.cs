namespace Medlem.Core;

/// <summary>Age arithmetic on calendar dates (a birthday on 29 February counts from 1 March in other years).</summary>
public static class Ages
{
    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="day"/>.</summary>
    public static int YearsBetween(DateOnly birth, DateOnly day)
    {
        var years = day.Year - birth.Year;
        if (day.Month < birth.Month || (day.Month == birth.Month && day.Day < birth.Day))
        {
            years--;
        }

        return years;
    }
}
