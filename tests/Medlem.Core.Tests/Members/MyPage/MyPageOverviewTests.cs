using Medlem.Core.Members;
using Medlem.Core.Members.MyPage;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Privacy.Requests;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

// Issue 6, "Min side": memberships, types and benefits, status as the desk derives it, what a pending
// membership waits for, events, newsletter choices, open requests.
public sealed class MyPageOverviewTests : IAsyncLifetime
{
    private MyPageHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await MyPageHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TheOverview_ShowsTheMembersOwnMembershipsEventsChoicesAndRequests()
    {
        await _h.LoadActivityAsync();
        Assert.True((await _h.MyConsents().SetAsync(_h.Kari, _h.Imports["Kari"].MembershipId, ConsentPurpose.Newsletter, true, 1, MyPageHarness.Ct)).Succeeded);
        Assert.True((await _h.Requests().MakeAsync(_h.Kari, new MyRequestInput(RequestKind.Restriction, _h.KariSandnesMembership, null), false, MyPageHarness.Ct)).Succeeded);

        var overview = (await _h.Overview().RunAsync(_h.Kari, MyPageHarness.Ct))!;

        Assert.Equal("Kari", overview.GivenName);
        // Both past their first 90 days, and the imports refreshed the register's activity summary (last use
        // 28 November in Stavanger, 10 September in Sandnes, both within 12 months): active (MembershipStatusRules).
        Assert.Equal(
            [("stavanger", DefaultMembershipTypes.Codes.Borrower, MembershipStatus.Active, "2100000017"), ("sandnes", DefaultMembershipTypes.Codes.Borrower, MembershipStatus.Active, MyPageHarness.KariSandnesCard)],
            overview.Memberships.Select(m => (m.Library.Code, m.Type.Code, m.Status, m.CurrentCard!.Number)));
        Assert.All(overview.Memberships, m => Assert.Empty(m.Pending));
        Assert.Equal(["ev-2"], overview.Events.Upcoming.Select(e => e.EventId));
        Assert.Equal([(true, false), (false, false)], overview.ContactChoices.Select(c => (c.Newsletter, c.Sms)));
        Assert.Equal([("sandnes", RequestKind.Restriction)], overview.OpenRequests.Select(r => (r.Library.Code, r.Kind)));
        Assert.False(overview.EmailUnconfirmed);
    }

    [Fact]
    public async Task APendingMembership_SaysWhatItWaitsFor()
    {
        var (digital, _) = await _h.Imports.Database.RegisteredAsync(_h.Imports.LibraryA, TestMembers.Adult("Dina", "Digital", type: DefaultMembershipTypes.Codes.Digital) with
        {
            Details = new MemberDetailsInput { GivenName = "Dina", FamilyName = "Digital", BirthDate = new DateOnly(1999, 4, 4), Email = "dina@example.no" },
            Verification = VerificationLevel.None,
        });
        var (national, _) = await _h.Imports.Database.RegisteredAsync(_h.Imports.LibraryA, TestMembers.Adult("Nils", "Nasjonal", type: DefaultMembershipTypes.Codes.NationalDigital));
        var ola = (await _h.Memberships().ListAsync(await PersonOfAsync("Ola"), MyPageHarness.Ct)).Single(); // 10, no guardian has approved

        var dina = (await _h.Overview().RunAsync(digital, MyPageHarness.Ct))!;
        Assert.Equal(MembershipStatus.Pending, dina.Memberships[0].Status);
        Assert.Equal([PendingStep.ConfirmEmail], dina.Memberships[0].Pending);
        Assert.True(dina.EmailUnconfirmed);
        Assert.True(dina.Events.None);
        // The national digital type needs electronic ID; a desk check is not enough.
        Assert.Equal([PendingStep.ElectronicId], (await _h.Memberships().ListAsync(national, MyPageHarness.Ct))[0].Pending);
        Assert.Equal(MembershipStatus.Pending, ola.Status);
        Assert.Equal([PendingStep.GuardianApproval], ola.Pending);
    }

    [Fact]
    public async Task AnErasedPerson_GetsNoOverview()
    {
        Assert.Null(await _h.Overview().RunAsync(Guid.NewGuid(), MyPageHarness.Ct));
    }

    private async Task<Guid> PersonOfAsync(string given)
    {
        await using var db = _h.Imports.Database.NewContext();
        return db.Memberships.Where(m => m.Id == _h.Imports[given].MembershipId).Select(m => m.PersonId).Single();
    }
}
