using Medlem.Core.Privacy.Breaches;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Privacy;

// GDPR art. 33: notify the supervisory authority "without undue delay and, where feasible, not later than
// 72 hours after having become aware of it"; "where the notification ... is not made within 72 hours, it shall
// be accompanied by reasons for the delay"; art. 33(5): document every breach.
public sealed class BreachTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABreach_IsDueSeventyTwoHoursAfterDiscovery_AndALateNotificationNeedsItsReason()
    {
        await using var db = _db.NewContext();
        var breaches = new Breaches(db, _db.Clock);
        var discovered = TestClock.Now.AddHours(-10);
        var recorded = await breaches.RecordAsync(_db.LibraryA, discovered, "A list of 40 members' e-mails was sent to the wrong recipient.", 40, 5, Ct);
        Assert.True(recorded.Succeeded, recorded.Errors.ToString());
        var breach = recorded.Value!;
        Assert.Equal(discovered.AddHours(72), breach.NotifyBy);
        Assert.False(breach.IsOverdue(TestClock.Now));
        Assert.True(breach.IsOverdue(discovered.AddHours(72).AddMinutes(1)));

        _db.Clock.Advance(TimeSpan.FromHours(63)); // 73 hours after discovery
        var late = await breaches.UpdateAsync(_db.LibraryA, breach.Id, "Recipient deleted the mail.", notifiedAuthority: true, null, informedPeople: false, Ct);
        Assert.Contains("breach.late-reason-required", late.Errors.ByField["NotificationNote"]);

        var notified = await breaches.UpdateAsync(_db.LibraryA, breach.Id, null, notifiedAuthority: true, "Discovered on a Friday; the DPO was away.", informedPeople: false, Ct);
        Assert.True(notified.Succeeded);
        Assert.Equal(_db.Clock.GetUtcNow(), notified.Value!.NotifiedAuthorityAt);
        Assert.Null(notified.Value.Measures); // the refused update saved nothing
        Assert.False(notified.Value.IsOverdue(_db.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task ABreach_NeedsADescription_NotInTheFuture_AndIsTheLibrarysOwn()
    {
        await using var db = _db.NewContext();
        var breaches = new Breaches(db, _db.Clock);
        Assert.Contains("breach.description-required", (await breaches.RecordAsync(_db.LibraryA, TestClock.Now, " ", null, 5, Ct)).Errors.ByField["Description"]);
        Assert.Contains("breach.discovered-future", (await breaches.RecordAsync(_db.LibraryA, TestClock.Now.AddHours(1), "x", null, 5, Ct)).Errors.ByField["DiscoveredAt"]);
        var breach = (await breaches.RecordAsync(_db.LibraryA, TestClock.Now, "A laptop was stolen.", null, 5, Ct)).Value!;
        Assert.Null(await breaches.FindAsync(_db.LibraryB, breach.Id, Ct));
        Assert.True((await breaches.UpdateAsync(_db.LibraryB, breach.Id, "x", true, "y", false, Ct)).NotFound);
        Assert.Empty(await breaches.ListAsync(_db.LibraryB, Ct));
    }
}
