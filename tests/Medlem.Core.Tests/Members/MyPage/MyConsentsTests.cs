using Medlem.Core.Members;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

// Issue 6, "My consents", meeting the privacy issue's consent rules: per membership, channel "member page",
// the member as actor, the text version they saw; under 13 a guardian decides; no profiling of children.
public sealed class MyConsentsTests : IAsyncLifetime
{
    private MyPageHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await MyPageHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private static string? Code<T>(Outcome<T> outcome) => outcome.Errors.ByField.SelectMany(e => e.Value).FirstOrDefault();

    [Fact]
    public async Task AConsentGivenOnTheMemberPage_IsRecordedForThatMembershipOnly_WithChannelActorAndVersion()
    {
        var stavanger = _h.Imports["Kari"].MembershipId;

        var given = await _h.MyConsents().SetAsync(_h.Kari, stavanger, ConsentPurpose.Newsletter, true, 1, MyPageHarness.Ct);

        Assert.True(given.Succeeded, given.Errors.ToString());
        var sets = await _h.MyConsents().RunAsync(_h.Kari, MyPageHarness.Ct);
        Assert.Equal([stavanger, _h.KariSandnesMembership], sets.Select(s => s.Membership.Id));
        Assert.Equal([ConsentPurpose.Newsletter], sets[0].States.Where(s => s.Given).Select(s => s.Purpose));
        Assert.DoesNotContain(sets[1].States, s => s.Given); // Sandnes is another controller: asked separately
        var record = Assert.Single(sets[0].History);
        Assert.Equal((true, ConsentChannel.MemberPage, ConsentActor.Member, 1, (Guid?)null, (int?)null, TestClock.Now),
            (record.Given, record.Channel, record.ActedBy, record.TextVersion, record.GuardianId, record.StaffAccountId, record.At));
        Assert.Equal((false, true), (sets[0].GuardianDecides, sets[0].ProfilingOffered)); // Kari is 36
    }

    [Fact]
    public async Task AnotherPersonsMembership_IsNotFound_AndNothingIsRecorded()
    {
        var siris = _h.Imports["Siri"].MembershipId;
        var pers = _h.Imports["Per"].MembershipId;

        Assert.True((await _h.MyConsents().SetAsync(_h.Kari, siris, ConsentPurpose.Sms, true, 1, MyPageHarness.Ct)).NotFound);
        Assert.True((await _h.MyConsents().SetAsync(_h.Kari, pers, ConsentPurpose.Sms, true, 1, MyPageHarness.Ct)).NotFound);
        Assert.True((await _h.MyConsents().SetAsync(_h.Kari, Guid.NewGuid(), ConsentPurpose.Sms, true, 1, MyPageHarness.Ct)).NotFound);
        await using var db = _h.Imports.Database.NewContext();
        Assert.Equal(0, await db.ConsentRecords.CountAsync(MyPageHarness.Ct));
    }

    [Fact]
    public async Task UnderThirteen_AGuardianDecides_TheChildsOwnChangeIsRefusedWithConsentsMessage()
    {
        var ola = await PersonAsync(_h.Imports["Ola"].MembershipId); // 10 years old

        var set = Assert.Single(await _h.MyConsents().RunAsync(ola, MyPageHarness.Ct));
        Assert.True(set.GuardianDecides);
        Assert.False(set.ProfilingOffered);
        Assert.Equal("consent.guardian-required",
            Code(await _h.MyConsents().SetAsync(ola, _h.Imports["Ola"].MembershipId, ConsentPurpose.Newsletter, true, 1, MyPageHarness.Ct)));
    }

    [Fact]
    public async Task AFourteenYearOld_DecidesAlone_ButIsNotOfferedRecommendations()
    {
        var (teen, membership) = await _h.Imports.Database.RegisteredAsync(_h.Imports.LibraryA,
            TestMembers.Adult("Ida", "Ung", new DateOnly(2012, 1, 1), DefaultMembershipTypes.Codes.Child) with { GuardianIds = [_h.Kari] });

        var set = Assert.Single(await _h.MyConsents().RunAsync(teen, MyPageHarness.Ct));
        Assert.Equal((false, false), (set.GuardianDecides, set.ProfilingOffered));
        Assert.True((await _h.MyConsents().SetAsync(teen, membership, ConsentPurpose.Sms, true, 1, MyPageHarness.Ct)).Succeeded);
        Assert.Equal("consent.no-profiling-of-children",
            Code(await _h.MyConsents().SetAsync(teen, membership, ConsentPurpose.Recommendations, true, 1, MyPageHarness.Ct)));
    }

    private async Task<Guid> PersonAsync(Guid membershipId)
    {
        await using var db = _h.Imports.Database.NewContext();
        return await db.Memberships.Where(m => m.Id == membershipId).Select(m => m.PersonId).SingleAsync(MyPageHarness.Ct);
    }
}
