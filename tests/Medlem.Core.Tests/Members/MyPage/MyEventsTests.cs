using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

// Issue 6, "Min side": events I signed up for, from the attendance facts of the member's pseudonyms and the catalogue.
public sealed class MyEventsTests : IAsyncLifetime
{
    private MyPageHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await MyPageHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Events_AreTheMembersOwn_UpcomingByStartTime_PastLatestFirst()
    {
        await _h.LoadActivityAsync();

        var kari = await _h.Events().RunAsync(_h.Kari, MyPageHarness.Ct);

        // ev-2 starts today at 18:00, after the clock's 12:00: upcoming. ev-1 was on 5 November. ev-3 is Per's.
        var upcoming = Assert.Single(kari.Upcoming);
        Assert.Equal(("ev-2", "Julebokbad", "litteratur", new DateTime(2026, 11, 28, 18, 0, 0), "Madla bibliotek", "stavanger"),
            (upcoming.EventId, upcoming.Title, upcoming.Category, upcoming.StartsAt, upcoming.Branch, upcoming.Library.Code));
        var past = Assert.Single(kari.Past);
        Assert.Equal(("ev-1", "Forfattermøte med Anne B. Ragde", new DateOnly(2026, 11, 5), "Sølvberget hovedbibliotek"), (past.EventId, past.Title, past.Day, past.Branch));
        Assert.False(kari.None);

        var per = await _h.Events().RunAsync(_h.Per, MyPageHarness.Ct);
        Assert.Empty(per.Upcoming);
        Assert.Equal(["ev-3", "ev-1"], per.Past.Select(e => e.EventId)); // 12 November, then 5 November
    }

    [Fact]
    public async Task AMemberWithoutRegistrations_HasNone()
    {
        await _h.LoadActivityAsync();

        var siri = await _h.Events().RunAsync(_h.Siri, MyPageHarness.Ct);

        Assert.True(siri.None);
        Assert.True((await _h.Events().RunAsync(Guid.NewGuid(), MyPageHarness.Ct)).None); // nobody at all
    }
}
