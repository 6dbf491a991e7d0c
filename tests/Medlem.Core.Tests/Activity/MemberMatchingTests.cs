using Medlem.Core.Activity.Mapping;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// What the importer records about a member on each fact: the member found by the source's id, and
/// their age band on the fact's day (DESIGN.md §6: 0–5, 6–12, 13–15, 16–19, 20–29, 30–44, 45–66, 67+;
/// age in completed years, so the band changes on the birthday itself).
/// </summary>
public sealed class MemberMatchingTests
{
    [Theory]
    [InlineData("2010-11-28", "2026-11-27", AgeBand.Age13To15)] // 15, the day before the 16th birthday
    [InlineData("2010-11-28", "2026-11-28", AgeBand.Age16To19)] // 16 on the birthday
    [InlineData("2008-02-29", "2026-02-28", AgeBand.Age16To19)] // 17: a leap-day birthday has not come on 28 February
    [InlineData("2008-02-29", "2026-03-01", AgeBand.Age16To19)] // 18
    [InlineData("2020-12-31", "2026-12-30", AgeBand.Age0To5)]   // 5
    [InlineData("2020-12-31", "2026-12-31", AgeBand.Age6To12)]  // 6
    [InlineData("1959-06-15", "2026-06-14", AgeBand.Age45To66)] // 66
    [InlineData("1959-06-15", "2026-06-15", AgeBand.Age67Plus)] // 67
    [InlineData("2026-12-01", "2026-11-28", AgeBand.Age0To5)]   // a birth date after the day (a typo in the source) counts as 0
    public void AgeBand_IsTheAgeInCompletedYearsOnTheDay(string born, string on, AgeBand expected) =>
        Assert.Equal(expected, AgeBands.Of(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void NumericSourceIds_MatchOnlyTheirCanonicalSpelling()
    {
        var seventeen = new MemberRef(Guid.NewGuid(), new DateOnly(1990, 1, 1), 1, false, 17);
        var zero = new MemberRef(Guid.NewGuid(), new DateOnly(1990, 1, 1), 1, false, 1);
        var index = new MemberIndex(new() { ["17"] = seventeen, ["0"] = zero }, [], []);

        Assert.Equal(seventeen, index.BySourceId("17"));
        Assert.Equal(zero, index.BySourceId("0"));
        Assert.Null(index.BySourceId("017")); // Koha's borrowernumber 17 is written "17": "017" is another reference
        Assert.Null(index.BySourceId("00"));
        Assert.Null(index.BySourceId("18"));
        Assert.Null(index.BySourceId("99999999999")); // beyond int: no match, no exception
    }

    [Fact]
    public void UnknownCardsAndAddresses_MatchNobody()
    {
        // Members are held by value: a miss must be "nobody", never an empty member (a link to no membership).
        var kari = new MemberRef(Guid.NewGuid(), new DateOnly(1990, 1, 1), 1, false, 3);
        var index = new MemberIndex([], new() { ["2100000017"] = kari }, new() { ["kari@example.no"] = kari });

        Assert.Equal(kari, index.ByCard("2100000017"));
        Assert.Equal(kari, index.ByEmail(" Kari@Example.no "));
        Assert.Null(index.ByCard("2100000025"));
        Assert.Null(index.ByEmail("ola@example.no"));
        Assert.Null(index.ByEmail(""));
    }
}
