using Medlem.Core.Privacy.Requests;

namespace Medlem.Core.Members.Guardians;

/// <summary>
/// A guardian asks to end a child's membership: an erasure request (GDPR art. 17) about the child
/// in that library's queue, not an erasure on the spot. The library decides: an unpaid replacement
/// fee or a legal hold turns an erasure into a restriction, the library system must be told, and
/// a guardian who approved by e-mail has only said, not shown, that they have parental
/// responsibility; the staff who handle requests check that before they erase.
/// </summary>
public sealed class EndChildMembership(GuardianChildren children, PrivacyRequests requests)
{
    /// <summary>Files the request; <paramref name="description"/> is the request in the guardian's words (the page's text in their language), for the staff queue.</summary>
    public async Task<Outcome<PrivacyRequest>> RequestAsync(Guid guardianId, Guid membershipId, string description, CancellationToken ct)
    {
        var child = await children.FindAsync(guardianId, membershipId, ct);
        if (child is null)
        {
            return Outcome<PrivacyRequest>.Missing();
        }

        if (child.EndRequested)
        {
            return Outcome<PrivacyRequest>.Invalid("MembershipId", "guardian.end-already-requested");
        }

        return await requests.ReceiveAsync(child.LibraryId, child.ChildId, RequestKind.Erasure, RequestChannel.MemberPage, description, null, ct);
    }
}
