using System.Net;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Privacy.Requests;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Guardian;

/// <summary>
/// The guardian's page (/foresatt): a guardian sees and manages their own children only; gives a
/// young child's consents as guardian; and ends a membership by an erasure request in the
/// library's queue.
/// </summary>
public sealed class GuardianPageTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;
    private Guid _lise;
    private Guid _lisesMembership;
    private Guid _othersMembership;
    private Guid _mona;

    public async ValueTask InitializeAsync()
    {
        _data = await TestConsortium.SeedAsync(_app);
        (_lise, _lisesMembership) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Lise", new DateOnly(2016, 5, 1), Core.Members.DefaultMembershipTypes.Codes.Child);
        _mona = await GuardianTestData.AddGuardianAsync(_app, _lise, "Mona", "mona@example.org", "Mona-passord-2026");
        var (other, othersMembership) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Tobias", new DateOnly(2015, 2, 2), Core.Members.DefaultMembershipTypes.Codes.Child);
        _othersMembership = othersMembership;
        await GuardianTestData.AddGuardianAsync(_app, other, "Trond", "trond@example.org", "Trond-passord-2026");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AGuardian_SeesOnlyTheirOwnChildren_AndCannotReachAnotherChild()
    {
        var mona = await GuardianTestData.LoginAsync(_app, "mona@example.org", "Mona-passord-2026");

        var home = await mona.GetStringAsync("/foresatt");
        Assert.Contains("Lise Barnesen", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Tobias", home, StringComparison.Ordinal);
        foreach (var url in new[] { $"/foresatt/samtykker/{_othersMembership}", $"/foresatt/avslutt/{_othersMembership}", $"/foresatt/godkjent?m={_othersMembership}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await mona.GetAsync(url)).StatusCode);
        }

        var approve = await StaffClient.PostFormAsync(mona, "/foresatt?handler=Approve", new() { ["membershipId"] = _othersMembership.ToString() }, "/foresatt");
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        var end = await StaffClient.PostFormAsync(mona, $"/foresatt/avslutt/{_othersMembership}", [], "/foresatt");
        Assert.Equal(HttpStatusCode.NotFound, end.StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.Memberships.Where(m => m.Id == _othersMembership).Select(m => m.GuardianApprovedAt).SingleAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.PrivacyRequests.CountAsync()));
    }

    [Fact]
    public async Task TheGuardianPages_NeedASignedInMember()
    {
        var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/foresatt", $"/foresatt/samtykker/{_lisesMembership}", $"/foresatt/avslutt/{_lisesMembership}" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/logg-inn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AGuardian_GivesAYoungChildsConsent_RecordedAsTheGuardiansAct()
    {
        var mona = await GuardianTestData.LoginAsync(_app, "mona@example.org", "Mona-passord-2026");

        var response = await StaffClient.PostFormAsync(mona, $"/foresatt/samtykker/{_lisesMembership}",
            new() { ["purpose"] = "Newsletter", ["given"] = "true", ["textVersion"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await _app.WithDbAsync(db => db.ConsentRecords.SingleAsync(r => r.MembershipId == _lisesMembership));
        Assert.Equal((ConsentPurpose.Newsletter, true, ConsentActor.Guardian, _mona, ConsentChannel.MemberPage), (record.Purpose, record.Given, record.ActedBy, record.GuardianId!.Value, record.Channel));

        // Profiling is never offered to children, whoever asks.
        var refused = await StaffClient.PostFormAsync(mona, $"/foresatt/samtykker/{_lisesMembership}",
            new() { ["purpose"] = "Recommendations", ["given"] = "true", ["textVersion"] = "1" });
        Assert.Contains("tilbys ikke barn", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndingAChildsMembership_FilesOneErasureRequest_InTheLibrarysQueue()
    {
        var mona = await GuardianTestData.LoginAsync(_app, "mona@example.org", "Mona-passord-2026");

        var first = await StaffClient.PostFormAsync(mona, $"/foresatt/avslutt/{_lisesMembership}", [], $"/foresatt/avslutt/{_lisesMembership}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Biblioteket har fått beskjed om å avslutte medlemskapet.", await mona.GetStringAsync("/foresatt"), StringComparison.Ordinal);
        await StaffClient.PostFormAsync(mona, $"/foresatt/avslutt/{_lisesMembership}", [], "/foresatt");

        var request = await _app.WithDbAsync(db => db.PrivacyRequests.SingleAsync());
        Assert.Equal((RequestKind.Erasure, RequestChannel.MemberPage, RequestStatus.Received, _lise, _data.Stavanger.Id),
            (request.Kind, request.Channel, request.Status, request.PersonId!.Value, request.LibraryId));
        Assert.NotNull(await _app.WithDbAsync(db => db.Memberships.Where(m => m.Id == _lisesMembership).Select(m => (Guid?)m.Id).SingleOrDefaultAsync()));
    }
}
