using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Members;

// DESIGN.md §4: "Every figure shown or exported about fewer than k people (k = 5 by default) is suppressed."
// MemberCounts.cs: registered = active + passive, so when one part is under k both parts are hidden (secondary
// suppression). A count of 0 is about nobody and is shown (IsSmall: count > 0 && count < k).
public class LibraryMemberCountsTests
{
    private const int K = 5;

    private static LibraryMemberCounts Counts(int registered, int active) => new(1, "Testbiblioteket", K, registered, active);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 4)]
    [InlineData(4, 2)]
    public void Shown_RegisteredUnderK_AllSuppressed(int registered, int active)
    {
        Assert.Equal((null, null, null), Counts(registered, active).Shown);
    }

    [Fact]
    public void Shown_ActiveUnderK_ShowsRegisteredOnly()
    {
        // 20 registered, 3 active, 17 passive. Showing passive (17) would reveal active as 20 - 17 = 3:
        // the secondary suppression hides passive too.
        var counts = Counts(20, 3);
        Assert.Equal(17, counts.Passive); // the premise: passive would give active away by subtraction

        Assert.Equal((20, null, null), counts.Shown);
    }

    [Fact]
    public void Shown_PassiveUnderK_ShowsRegisteredOnly()
    {
        // 20 registered, 17 active, 3 passive: active would reveal passive as 20 - 17 = 3.
        Assert.Equal((20, null, null), Counts(20, 17).Shown);
    }

    [Fact]
    public void Shown_AllAtLeastK_AllShown()
    {
        Assert.Equal((10, 5, 5), Counts(10, 5).Shown); // exactly k is not "fewer than k"
        Assert.Equal((120, 80, 40), Counts(120, 80).Shown);
    }

    [Fact]
    public void Shown_NoMembers_ZeroIsShown()
    {
        Assert.Equal((0, 0, 0), Counts(0, 0).Shown);
    }

    [Fact]
    public void Shown_ZeroActive_ZeroIsShown()
    {
        Assert.Equal((20, 0, 20), Counts(20, 0).Shown);
    }

    [Fact]
    public void Shown_ZeroPassive_ZeroIsShown()
    {
        Assert.Equal((5, 5, 0), Counts(5, 5).Shown);
    }

    [Fact]
    public void Shown_HigherThreshold_AppliesTheLibrarysK()
    {
        var counts = new LibraryMemberCounts(1, "Testbiblioteket", Threshold: 10, Registered: 30, Active: 9);

        Assert.Equal((30, null, null), counts.Shown);
    }

    [Fact]
    public void PassiveShare_NoMembers_IsNull()
    {
        Assert.Null(Counts(0, 0).PassiveShare);
    }

    [Fact]
    public void PassiveShare_IsPassiveOverRegisteredInPercent()
    {
        // 40 passive of 160 registered = 25 %.
        Assert.Equal(25.0, Counts(160, 120).PassiveShare);
    }

    [Fact]
    public void PassiveShare_WhenPassiveIsSuppressed_IsNull()
    {
        // 20 registered, 17 active: 3 passive is under k = 5, and 15 % of 20 would give the 3 away.
        Assert.Null(Counts(20, 17).PassiveShare);
    }
}
