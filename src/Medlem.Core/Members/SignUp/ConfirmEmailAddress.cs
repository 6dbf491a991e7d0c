using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.SignUp;

/// <summary>What a confirmation link is about, or why it does not work.</summary>
public sealed record ConfirmationCheck(LinkProblem Problem, Guid? PersonId, string? GivenName, string? Email, Guid? MembershipId)
{
    public static ConfirmationCheck Failed(LinkProblem problem) => new(problem, null, null, null, null);
}

/// <summary>
/// Follows a ConfirmEmail link: the address becomes verified, the membership EmailVerified (no
/// longer pending, unless a guardian must still approve), the link used up and the person's other
/// confirmation links closed — in one save. A bad link (unknown, expired, used, another person's,
/// or an address meanwhile confirmed for another member of the library) changes nothing.
/// </summary>
/// <remarks>
/// The caller signs the person in on success: following the link proves the address, as the
/// password would. <see cref="MemberAccount.LastSignInAt"/> is set here so the change is one save.
/// Callers MUST pass the signed-in member, if any, so that a member following someone else's link
/// is refused rather than signed in as the other person.
/// </remarks>
public sealed class ConfirmEmailAddress(MedlemDbContext db, TimeProvider clock)
{
    /// <summary>Whether the link would work, without using it (the page that shows the confirm button).</summary>
    public async Task<ConfirmationCheck> CheckAsync(string? token, Guid? signedInPersonId, CancellationToken ct)
    {
        var (check, _, _) = await FindAsync(token, signedInPersonId, ct);
        return check;
    }

    public async Task<ConfirmationCheck> RunAsync(string? token, Guid? signedInPersonId, CancellationToken ct)
    {
        var (check, link, contact) = await FindAsync(token, signedInPersonId, ct);
        if (check.Problem != LinkProblem.None)
        {
            return check;
        }

        var now = clock.GetUtcNow();
        contact!.Verified = true;
        contact.VerifiedAt = now;
        var memberships = await db.Memberships
            .Where(m => m.PersonId == link!.PersonId && (link.MembershipId == null || m.Id == link.MembershipId))
            .ToListAsync(ct);
        foreach (var membership in memberships.Where(m => m.Verification < VerificationLevel.EmailVerified))
        {
            membership.Verification = VerificationLevel.EmailVerified;
            membership.VerifiedAt = now;
            membership.UpdatedAt = now;
        }

        link!.UsedAt = now;
        await MemberLinkTokens.CloseOthersAsync(db, link, now, ct);
        if (await db.MemberAccounts.FindAsync([link.PersonId], ct) is { } account)
        {
            account.LastSignInAt = now;
        }

        var person = await db.People.SingleAsync(p => p.Id == link.PersonId, ct);
        person.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return check;
    }

    private async Task<(ConfirmationCheck Check, MemberLink? Link, ContactPoint? Contact)> FindAsync(
        string? token, Guid? signedInPersonId, CancellationToken ct)
    {
        var (found, problem) = await MemberLinkTokens.FindAsync(db, token, MemberLinkPurpose.ConfirmEmail, clock.GetUtcNow(), ct);
        if (problem != LinkProblem.None || found is not { } link)
        {
            return (ConfirmationCheck.Failed(problem), null, null);
        }

        if (signedInPersonId is { } signedIn && signedIn != link.PersonId)
        {
            return (ConfirmationCheck.Failed(LinkProblem.OtherPerson), null, null);
        }

        // The address may have been changed since the link was sent: then the link confirms nothing.
        var contact = await db.ContactPoints.SingleOrDefaultAsync(
            c => c.PersonId == link.PersonId && c.Kind == ContactKind.Email && c.Value == link.SentTo, ct);
        if (contact is null)
        {
            return (ConfirmationCheck.Failed(LinkProblem.Unknown), null, null);
        }

        if (await TakenInLibraryAsync(link, ct))
        {
            return (ConfirmationCheck.Failed(LinkProblem.AddressTaken), null, null);
        }

        var givenName = await db.People.Where(p => p.Id == link.PersonId).Select(p => p.GivenName).SingleAsync(ct);
        return (new ConfirmationCheck(LinkProblem.None, link.PersonId, givenName, link.SentTo, link.MembershipId), link, contact);
    }

    /// <summary>
    /// Someone else confirmed the same address for a member of the link's library meanwhile (two
    /// sign-ups with one address): one library member per confirmed address, so this one stops.
    /// </summary>
    private async Task<bool> TakenInLibraryAsync(MemberLink link, CancellationToken ct)
    {
        var libraries = db.Memberships.Where(m => m.PersonId == link.PersonId && (link.MembershipId == null || m.Id == link.MembershipId)).Select(m => m.LibraryId);
        return await db.ContactPoints.AnyAsync(c => c.PersonId != link.PersonId && c.Kind == ContactKind.Email && c.Value == link.SentTo && c.Verified
            && db.Memberships.Any(m => m.PersonId == c.PersonId && libraries.Contains(m.LibraryId)), ct);
    }
}
