using Medlem.Core.Data;
using Medlem.Core.Privacy.Requests;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>A request the member made (or the desk registered for them), as the member sees it.</summary>
public sealed record MyRequest(
    Guid Id, MyLibrary Library, RequestKind Kind, RequestChannel Channel, RequestStatus Status, DateTimeOffset ReceivedAt, DateOnly DueOn,
    string? ExtensionReason, string? Description, string? Outcome, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Status is RequestStatus.Received or RequestStatus.Verified;
}

/// <summary>
/// What the member asks for on their page. <paramref name="MembershipId"/> names the membership
/// (and so the library, the controller) the request goes to; null sends it to every library the
/// member belongs to ("all my data").
/// </summary>
public sealed record MyRequestInput(RequestKind Kind, Guid? MembershipId, string? Description);

/// <summary>
/// The member's data-subject requests from their page: erasure, rectification, restriction and
/// objection go to the staff queue of each library concerned through <see cref="PrivacyRequests"/>
/// (channel "member page"); access and portability need no request, the page gives the data at once.
/// Identity counts as verified when the member signed in with electronic ID; otherwise the desk
/// verifies it before acting. The receipt is the page itself, so it is marked given at once.
/// </summary>
public sealed class MyRequests(MedlemDbContext db, PrivacyRequests requests)
{
    /// <summary>The kinds a member asks for here.</summary>
    public static readonly IReadOnlyList<RequestKind> Offered = [RequestKind.Erasure, RequestKind.Rectification, RequestKind.Restriction, RequestKind.Objection];

    public async Task<IReadOnlyList<MyRequest>> ListAsync(Guid personId, CancellationToken ct)
    {
        var mine = await db.PrivacyRequests.AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        var libraryIds = mine.Select(r => r.LibraryId).Distinct().ToList();
        var libraries = await db.Libraries.AsNoTracking().Where(l => libraryIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => new MyLibrary(l.Id, l.Code, l.Name), ct);
        return [.. mine
            .OrderBy(r => r.IsOpen ? 0 : 1).ThenByDescending(r => r.ReceivedAt)
            .Select(r => new MyRequest(
                r.Id, libraries[r.LibraryId], r.Kind, r.Channel, r.Status, r.ReceivedAt, r.DueOn, r.ExtensionReason, r.Description, r.Outcome, r.ClosedAt))];
    }

    /// <summary>Receives the request at the library of the membership, or at each of the member's libraries. Returns the requests made.</summary>
    public async Task<Outcome<IReadOnlyList<PrivacyRequest>>> MakeAsync(Guid personId, MyRequestInput input, bool signedInWithElectronicId, CancellationToken ct)
    {
        var owned = db.Memberships.OwnedBy(personId);
        var libraryIds = await (input.MembershipId is { } one ? owned.Where(m => m.Id == one) : owned)
            .Select(m => m.LibraryId).Distinct().OrderBy(id => id).ToListAsync(ct);
        if (libraryIds.Count == 0)
        {
            return Outcome<IReadOnlyList<PrivacyRequest>>.Missing();
        }

        if (!Offered.Contains(input.Kind))
        {
            return Outcome<IReadOnlyList<PrivacyRequest>>.Invalid("Kind", "request.kind-unknown");
        }

        var made = new List<PrivacyRequest>();
        foreach (var libraryId in libraryIds)
        {
            var received = await requests.ReceiveAsync(libraryId, personId, input.Kind, RequestChannel.MemberPage, input.Description, staffId: null, ct);
            if (!received.Succeeded)
            {
                // The checks do not depend on the library, so this fails on the first or not at all.
                return received.NotFound ? Outcome<IReadOnlyList<PrivacyRequest>>.Missing() : Outcome<IReadOnlyList<PrivacyRequest>>.Invalid(received.Errors);
            }

            var request = received.Value!;
            if (signedInWithElectronicId)
            {
                request = (await requests.VerifyAsync(libraryId, request.Id, RequestVerification.ElectronicId, ct)).Value!;
            }

            made.Add((await requests.ReceiptGivenAsync(libraryId, request.Id, ct)).Value!);
        }

        return Outcome<IReadOnlyList<PrivacyRequest>>.Success(made);
    }
}
