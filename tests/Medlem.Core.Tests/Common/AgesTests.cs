using System.Globalization;
using Xunit;

namespace Medlem.Core.Tests.Common;

// Ages.cs: whole years between two calendar dates; "a birthday on 29 February counts from 1 March in other
// years". That is the code's rule, and the common Norwegian legal reading too: one turns a year older when the
// full year has run, and the year from 29 February ends on 28 February, so 1 March is the first day of the new age
// in common years. (Some jurisdictions count from 28 February; Medlem does not.)
public class AgesTests
{
    [Theory]
    [InlineData("1990-01-01", "2026-11-28", 36)]
    [InlineData("1990-11-28", "2026-11-28", 36)] // birthday today
    [InlineData("1990-11-29", "2026-11-28", 35)] // birthday tomorrow
    [InlineData("1990-12-01", "2026-11-28", 35)] // birthday in a later month
    [InlineData("2026-11-28", "2026-11-28", 0)]  // born today
    [InlineData("2025-11-29", "2026-11-28", 0)]  // one day short of a year
    public void YearsBetween_OrdinaryDates_CountsCompletedYears(string birth, string day, int expected)
    {
        var result = Ages.YearsBetween(DateOnly.Parse(birth, CultureInfo.InvariantCulture), DateOnly.Parse(day, CultureInfo.InvariantCulture));

        Assert.Equal(expected, result);
    }

    [Fact]
    public void YearsBetween_Born29FebruaryOn28FebruaryOfCommonYear_HasNotHadBirthday()
    {
        Assert.Equal(17, Ages.YearsBetween(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void YearsBetween_Born29FebruaryOn1MarchOfCommonYear_HasHadBirthday()
    {
        Assert.Equal(18, Ages.YearsBetween(new DateOnly(2008, 2, 29), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void YearsBetween_Born29FebruaryInLeapYear_HasBirthdayOn29February()
    {
        // 2028 is a leap year: 28 February is the day before the birthday, 29 February the birthday.
        Assert.Equal(19, Ages.YearsBetween(new DateOnly(2008, 2, 29), new DateOnly(2028, 2, 28)));
        Assert.Equal(20, Ages.YearsBetween(new DateOnly(2008, 2, 29), new DateOnly(2028, 2, 29)));
    }
}
