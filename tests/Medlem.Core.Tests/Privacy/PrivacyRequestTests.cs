using Medlem.Core.Privacy.Requests;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Privacy;

// GDPR art. 12(3): a request is answered "without undue delay and in any event within one month of receipt",
// extendable "by two further months where necessary", the data subject told the reasons; art. 12(6): the
// controller may ask for information to confirm the identity. Each request keeps a record of what was done.
public sealed class PrivacyRequestTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequest_IsDueInOneMonth_ExtendableOnceByTwoWithAReason_AndCompletedOnlyOnceVerified()
    {
        var (person, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        await using var db = _db.NewContext();
        var requests = new PrivacyRequests(db, _db.Clock);

        var received = await requests.ReceiveAsync(_db.LibraryA, person, RequestKind.Access, RequestChannel.Desk, null, 7, Ct);
        Assert.True(received.Succeeded, received.Errors.ToString());
        var id = received.Value!.Id;
        Assert.Equal((RequestStatus.Received, new DateOnly(2026, 12, 28)), (received.Value.Status, received.Value.DueOn)); // received 28 November 2026

        Assert.Equal("request.verify-first", Code(await requests.CloseAsync(_db.LibraryA, id, true, "Sent the export.", 7, Ct)));
        Assert.Equal("request.reason-required", Code(await requests.ExtendAsync(_db.LibraryA, id, " ", Ct)));
        var extended = await requests.ExtendAsync(_db.LibraryA, id, "Many requests at once this month.", Ct);
        Assert.Equal(new DateOnly(2027, 2, 28), extended.Value!.DueOn);
        Assert.Equal("request.already-extended", Code(await requests.ExtendAsync(_db.LibraryA, id, "Again.", Ct)));

        Assert.Equal("request.verification-required", Code(await requests.VerifyAsync(_db.LibraryA, id, RequestVerification.None, Ct)));
        Assert.True((await requests.VerifyAsync(_db.LibraryA, id, RequestVerification.IdentityDocumentAtDesk, Ct)).Succeeded);
        Assert.Equal("request.outcome-required", Code(await requests.CloseAsync(_db.LibraryA, id, true, "", 7, Ct)));
        var closed = await requests.CloseAsync(_db.LibraryA, id, true, "Export handed over at the desk.", 7, Ct);
        Assert.Equal((RequestStatus.Completed, TestClock.Now, (int?)7), (closed.Value!.Status, closed.Value.ClosedAt, closed.Value.ClosedByStaffId));
        Assert.Equal("request.closed", Code(await requests.CloseAsync(_db.LibraryA, id, false, "Late rejection.", 7, Ct)));
        Assert.Empty(await requests.QueueAsync(_db.LibraryA, openOnly: true, Ct));
    }

    [Fact]
    public async Task ARequest_CanBeRejectedUnverified_RectificationSaysWhat_AndOtherLibrariesSeeNothing()
    {
        var (person, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        await using var db = _db.NewContext();
        var requests = new PrivacyRequests(db, _db.Clock);

        Assert.Equal("request.description-required", Code(await requests.ReceiveAsync(_db.LibraryA, person, RequestKind.Rectification, RequestChannel.Letter, "  ", null, Ct)));
        Assert.True((await requests.ReceiveAsync(_db.LibraryB, person, RequestKind.Access, RequestChannel.Desk, null, null, Ct)).NotFound);

        var erasure = await requests.ReceiveAsync(_db.LibraryA, person, RequestKind.Erasure, RequestChannel.Letter, null, null, Ct);
        var rejected = await requests.CloseAsync(_db.LibraryA, erasure.Value!.Id, false, "Identity could not be verified from the letter.", 3, Ct);
        Assert.Equal(RequestStatus.Rejected, rejected.Value!.Status);
        Assert.True((await requests.VerifyAsync(_db.LibraryB, erasure.Value.Id, RequestVerification.ElectronicId, Ct)).NotFound);
        Assert.Null(await requests.FindAsync(_db.LibraryB, erasure.Value.Id, Ct));
    }

    [Fact]
    public async Task TheQueue_PutsOpenRequestsFirst_ByDueDate_AndKnowsWhatIsOverdue()
    {
        var (person, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        await using var db = _db.NewContext();
        var requests = new PrivacyRequests(db, _db.Clock);
        var first = (await requests.ReceiveAsync(_db.LibraryA, person, RequestKind.Access, RequestChannel.Desk, null, null, Ct)).Value!;
        _db.Clock.Advance(TimeSpan.FromDays(3));
        var second = (await requests.ReceiveAsync(_db.LibraryA, person, RequestKind.Portability, RequestChannel.Desk, null, null, Ct)).Value!;
        await requests.CloseAsync(_db.LibraryA, first.Id, false, "Withdrawn by the member.", null, Ct);

        Assert.Equal([second.Id, first.Id], (await requests.QueueAsync(_db.LibraryA, openOnly: false, Ct)).Select(r => r.Id));
        Assert.False(second.IsOverdue(second.DueOn));
        Assert.True(second.IsOverdue(second.DueOn.AddDays(1)));
    }

    private static string? Code<T>(Outcome<T> outcome) => outcome.Errors.ByField.SelectMany(e => e.Value).FirstOrDefault();
}
