using Medlem.Core.Members.MyPage;
using Medlem.Core.Privacy.Requests;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

// Issue 6, "My data: delete my membership — wired to the privacy issue's requests": the request reaches the
// library's staff queue with channel "member page", due one month after receipt (GDPR art. 12(3)).
public sealed class MyRequestsTests : IAsyncLifetime
{
    private MyPageHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await MyPageHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ErasureOfOneMembership_GoesToThatLibraryOnly_Received_DueInAMonth()
    {
        var made = await _h.Requests().MakeAsync(_h.Kari, new MyRequestInput(RequestKind.Erasure, _h.KariSandnesMembership, null), signedInWithElectronicId: false, MyPageHarness.Ct);

        Assert.True(made.Succeeded, made.Errors.ToString());
        var request = Assert.Single(made.Value!);
        Assert.Equal((_h.Imports.LibraryB, (Guid?)_h.Kari, RequestKind.Erasure, RequestChannel.MemberPage, RequestStatus.Received, RequestVerification.None),
            (request.LibraryId, request.PersonId, request.Kind, request.Channel, request.Status, request.Verification));
        Assert.Equal((new DateOnly(2026, 12, 28), (DateTimeOffset?)TestClock.Now, (int?)null), (request.DueOn, request.ReceiptGivenAt, request.ReceivedByStaffId));

        // The Sandnes queue has it; Stavanger's has nothing.
        await using var db = _h.Imports.Database.NewContext();
        var queues = new PrivacyRequests(db, _h.Imports.Database.Clock);
        Assert.Equal([request.Id], (await queues.QueueAsync(_h.Imports.LibraryB, openOnly: true, MyPageHarness.Ct)).Select(r => r.Id));
        Assert.Empty(await queues.QueueAsync(_h.Imports.LibraryA, openOnly: true, MyPageHarness.Ct));
    }

    [Fact]
    public async Task ErasureOfEverything_GoesToEveryLibraryOfTheMember_VerifiedWhenSignedInWithElectronicId()
    {
        var made = await _h.Requests().MakeAsync(_h.Kari, new MyRequestInput(RequestKind.Erasure, null, "Slett alt."), signedInWithElectronicId: true, MyPageHarness.Ct);

        Assert.True(made.Succeeded, made.Errors.ToString());
        Assert.Equal([_h.Imports.LibraryA, _h.Imports.LibraryB], made.Value!.Select(r => r.LibraryId).Order());
        Assert.All(made.Value!, r => Assert.Equal((RequestStatus.Verified, RequestVerification.ElectronicId, (DateTimeOffset?)TestClock.Now, "Slett alt."),
            (r.Status, r.Verification, r.VerifiedAt, r.Description)));

        var listed = await _h.Requests().ListAsync(_h.Kari, MyPageHarness.Ct);
        Assert.Equal(["sandnes", "stavanger"], listed.Select(r => r.Library.Code).Order());
        Assert.All(listed, r => Assert.True(r.IsOpen));
        Assert.Empty(await _h.Requests().ListAsync(_h.Per, MyPageHarness.Ct));
    }

    [Fact]
    public async Task AnotherPersonsMembership_IsNotFound_AndNoRequestIsMade()
    {
        var outcome = await _h.Requests().MakeAsync(_h.Kari, new MyRequestInput(RequestKind.Erasure, _h.Imports["Siri"].MembershipId, null), false, MyPageHarness.Ct);

        Assert.True(outcome.NotFound);
        Assert.True((await _h.Requests().MakeAsync(Guid.NewGuid(), new MyRequestInput(RequestKind.Erasure, null, null), false, MyPageHarness.Ct)).NotFound);
        await using var db = _h.Imports.Database.NewContext();
        Assert.Equal(0, await db.PrivacyRequests.CountAsync(MyPageHarness.Ct));
    }

    [Theory]
    [InlineData(RequestKind.Access, null, "request.kind-unknown")] // the page gives access at once
    [InlineData(RequestKind.Rectification, "", "request.description-required")] // PrivacyRequests: say what is wrong
    [InlineData(RequestKind.Objection, "  ", "request.description-required")]
    public async Task ARequestThePageDoesNotTake_OrWithoutWords_IsRefused(RequestKind kind, string? description, string code)
    {
        var outcome = await _h.Requests().MakeAsync(_h.Kari, new MyRequestInput(kind, _h.Imports["Kari"].MembershipId, description), false, MyPageHarness.Ct);

        Assert.Equal([code], outcome.Errors.ByField.SelectMany(e => e.Value));
    }

    [Fact]
    public async Task RestrictionAndRectification_WithTheMembersWords_AreReceived()
    {
        var requests = _h.Requests();
        var stavanger = _h.Imports["Kari"].MembershipId;
        Assert.True((await requests.MakeAsync(_h.Kari, new MyRequestInput(RequestKind.Restriction, stavanger, null), false, MyPageHarness.Ct)).Succeeded);
        Assert.True((await requests.MakeAsync(_h.Kari, new MyRequestInput(RequestKind.Rectification, stavanger, "Fødselsdatoen er feil."), false, MyPageHarness.Ct)).Succeeded);

        Assert.Equal([RequestKind.Rectification, RequestKind.Restriction], (await requests.ListAsync(_h.Kari, MyPageHarness.Ct)).Select(r => r.Kind).Order());
    }
}
