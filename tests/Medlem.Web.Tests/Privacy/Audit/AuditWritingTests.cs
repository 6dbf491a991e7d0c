using System.Net;
using Medlem.Core.Consortium;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Privacy.Audit;

/// <summary>
/// DESIGN.md §4: every staff read of an identified member is written to the audit trail — who,
/// when, which member, why. Each request here is made by the Stavanger desk on the test
/// consortium's Kari Nordmann (TestConsortium), so the expected actor, subject and time are theirs.
/// </summary>
public sealed class AuditWritingTests() : ConsortiumTest(StaffRoles.Desk)
{
    [Theory]
    [InlineData("/Members/Details/{0}", AuditPurposes.DeskDetails)]
    [InlineData("/Members/Edit/{0}", AuditPurposes.DeskEdit)]
    [InlineData("/api/v1/members/{0}", AuditPurposes.ApiMembersGet)]
    public async Task ReadingAMember_WritesExactlyOneEntry_WithActorSubjectAndPurpose(string url, string purpose)
    {
        var response = await Staff.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Data.StavangerMember.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = Assert.Single(await EntriesAsync());
        var desk = await StaffIdAsync("desk.stavanger");
        Assert.Equal((1L, Data.Stavanger.Id, desk), (entry.Sequence, entry.LibraryId, entry.StaffAccountId));
        Assert.Equal((Data.StavangerMember.Id, Data.StavangerMembership.Id), (entry.PersonId, entry.MembershipId));
        Assert.Equal((AuditAction.Read, purpose), (entry.Action, entry.Purpose));
        Assert.Equal(MedlemApplication.Now, entry.At);
    }

    [Fact]
    public async Task ReadingAnotherLibrarysMember_IsNotFound_AndWritesNothing()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync($"/api/v1/members/{Data.BergenMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync($"/Members/Details/{Data.BergenMember.Id}")).StatusCode);
        Assert.Empty(await EntriesAsync());
    }

    [Theory]
    [InlineData("/Members?q=nordmann", AuditPurposes.DeskSearch)]
    [InlineData("/api/v1/members?q=nordmann", AuditPurposes.ApiMembersSearch)]
    public async Task SearchShowingAMember_WritesASearchEntryForThem(string url, string purpose)
    {
        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync(url)).StatusCode);

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((Data.StavangerMember.Id, AuditAction.Search, purpose), (entry.PersonId, entry.Action, entry.Purpose));
    }

    [Fact]
    public async Task SearchWithoutHits_WritesNothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync("/api/v1/members?q=bergmann")).StatusCode);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task SeveralReads_MakeAChainThatVerifies()
    {
        await Staff.GetAsync("/Members?q=nordmann");
        await Staff.GetAsync($"/Members/Details/{Data.StavangerMember.Id}");
        await Staff.GetAsync($"/api/v1/members/{Data.StavangerMember.Id}");

        Assert.Equal([1L, 2, 3], (await EntriesAsync()).Select(e => e.Sequence));
        var result = await App.WithDbAsync(db => new AuditChain(db).VerifyAsync(TestContext.Current.CancellationToken));
        Assert.True(result.Intact);
    }

    private Task<List<AuditEntry>> EntriesAsync() =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    private Task<int> StaffIdAsync(string userName) =>
        App.WithDbAsync(db => db.StaffAccounts.Where(s => s.UserName == userName).Select(s => s.Id).SingleAsync());
}
