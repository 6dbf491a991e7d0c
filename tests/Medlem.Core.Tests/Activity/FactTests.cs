using System.Runtime.CompilerServices;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// A fact keeps its optional values without a flag each (0 standing for none, minutes plus one), so
/// that ten million of them are 56 bytes each on their way between threads. None must read back as
/// none and every value as itself, a wifi session of 0 minutes included.
/// </summary>
public sealed class FactTests
{
    [Fact]
    public void OptionalValues_ReadBackAsSet_ZeroMinutesIsNotNone()
    {
        var none = new Fact();
        Assert.Null(none.BranchId);
        Assert.Null(none.Member);
        Assert.Null(none.Visitor);
        Assert.Null(none.AgeBand);
        Assert.Null(none.MembershipTypeId);
        Assert.Null(none.Audience);
        Assert.Null(none.Minutes);

        var fact = new Fact
        {
            BranchId = short.MaxValue, Member = int.MaxValue, Visitor = 1, AgeBand = AgeBand.Age67Plus,
            MembershipTypeId = 1, Audience = Audience.All, Minutes = 0,
        };
        Assert.Equal(short.MaxValue, fact.BranchId);
        Assert.Equal(int.MaxValue, fact.Member);
        Assert.Equal(1, fact.Visitor);
        Assert.Equal(AgeBand.Age67Plus, fact.AgeBand);
        Assert.Equal((short)1, fact.MembershipTypeId);
        Assert.Equal(Audience.All, fact.Audience);
        Assert.Equal(0, fact.Minutes);

        fact.Minutes = 1440;
        Assert.Equal(1440, fact.Minutes);
        fact.Member = null;
        fact.Minutes = null;
        Assert.Null(fact.Member);
        Assert.Null(fact.Minutes);

        // A long, eight ints (day, member, visitor, media, category, event, minutes, title), three shorts, four bytes: 50, aligned to 56.
        Assert.Equal(56, Unsafe.SizeOf<Fact>());
    }
}
