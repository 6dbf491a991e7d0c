using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.Guardians;

/// <summary>
/// What a guardian sees before approving: the child's name, library and membership type; and the
/// address the link was sent to, which following the link has just proven to be the guardian's.
/// </summary>
public sealed record ChildToApprove(
    Guid LinkId, Guid MembershipId, Guid ChildId, string GivenName, string FamilyName, string LibraryName, MembershipType Type, string GuardianEmail);

/// <summary>Why a guardian-approval link does nothing. The names are the codes the pages show a text for.</summary>
public enum GuardianLinkProblem
{
    /// <summary>No such link (mistyped, or made up).</summary>
    Unknown,

    /// <summary>The link was followed to the end once already.</summary>
    Used,

    /// <summary>Older than <see cref="GuardianApprovalLinks.ValidFor"/>.</summary>
    Expired,

    /// <summary>The link is for another child than the one on the form.</summary>
    OtherChild,

    /// <summary>A guardian has approved the membership already (by another link, or at the desk).</summary>
    AlreadyApproved,
}

/// <summary>A link's child, or why the link does nothing.</summary>
public sealed record GuardianLinkCheck(ChildToApprove? Child, GuardianLinkProblem? Problem);

/// <summary>
/// The link a guardian receives by e-mail to approve a child's membership (children under the
/// guardian-approval age, <see cref="MembershipStatusRules.GuardianApprovalBelowAge"/>): made for
/// one membership and one address, valid for seven days, used once. Only the token's hash is
/// stored (<see cref="SignUp.MemberLinkTokens"/>).
/// </summary>
public sealed class GuardianApprovalLinks(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    /// <summary>
    /// Makes a link for the guardian at <paramref name="guardianEmail"/> to approve the child's
    /// membership, and returns the token to put in the link (and nowhere else). Refused when the
    /// address is not an address, or the membership needs no guardian approval.
    /// </summary>
    public async Task<Outcome<string>> CreateAsync(Guid childMembershipId, string? guardianEmail, CancellationToken ct)
    {
        var email = ContactValues.NormaliseEmail(guardianEmail);
        if (email is null)
        {
            return Outcome<string>.Invalid("GuardianEmail", "email.invalid");
        }

        var membership = await db.Memberships.AsNoTracking().Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == childMembershipId, ct);
        if (membership is null)
        {
            return Outcome<string>.Missing();
        }

        if (membership.GuardianApprovedAt is not null || !rules.Status.NeedsGuardianApproval(membership.Person!.BirthDate, Today))
        {
            return Outcome<string>.Invalid("MembershipId", "guardian.approval-not-needed");
        }

        var now = clock.GetUtcNow();
        var token = SignUp.MemberLinkTokens.NewToken();
        var hash = SignUp.MemberLinkTokens.HashOf(token);
        db.MemberLinks.Add(new MemberLink
        {
            Id = Guid.CreateVersion7(now), PersonId = membership.PersonId, MembershipId = membership.Id, Purpose = MemberLinkPurpose.GuardianApproval,
            TokenHash = hash, SentTo = email, CreatedAt = now, ExpiresAt = now + ValidFor,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Success(token);
    }

    /// <summary>The child a token is for, when the token still works.</summary>
    public async Task<GuardianLinkCheck> CheckAsync(string? token, CancellationToken ct)
    {
        if (!SignUp.MemberLinkTokens.IsWellFormed(token))
        {
            return new(null, GuardianLinkProblem.Unknown);
        }

        var hash = SignUp.MemberLinkTokens.HashOf(token!);
        var link = await db.MemberLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == MemberLinkPurpose.GuardianApproval, ct);
        return link is null ? new(null, GuardianLinkProblem.Unknown) : await CheckAsync(link, ct);
    }

    /// <summary>The same check for a link already found (by its id, after an electronic-ID round trip).</summary>
    public async Task<GuardianLinkCheck> CheckAsync(Guid linkId, CancellationToken ct)
    {
        var link = await db.MemberLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == linkId && l.Purpose == MemberLinkPurpose.GuardianApproval, ct);
        return link is null ? new(null, GuardianLinkProblem.Unknown) : await CheckAsync(link, ct);
    }

    private async Task<GuardianLinkCheck> CheckAsync(MemberLink link, CancellationToken ct)
    {
        if (link.UsedAt is not null)
        {
            return new(null, GuardianLinkProblem.Used);
        }

        if (link.ExpiresAt <= clock.GetUtcNow())
        {
            return new(null, GuardianLinkProblem.Expired);
        }

        var child = await db.Memberships.AsNoTracking()
            .Where(m => m.Id == link.MembershipId && m.PersonId == link.PersonId)
            .Select(m => new
            {
                m.Id, m.PersonId, m.Person!.GivenName, m.Person.FamilyName, m.GuardianApprovedAt, m.MembershipType, m.LibraryId,
                Library = db.Libraries.Where(l => l.Id == m.LibraryId).Select(l => l.Name).Single(),
            })
            .SingleOrDefaultAsync(ct);
        if (child is null)
        {
            return new(null, GuardianLinkProblem.Unknown);
        }

        return child.GuardianApprovedAt is not null
            ? new(null, GuardianLinkProblem.AlreadyApproved)
            : new(new ChildToApprove(link.Id, child.Id, child.PersonId, child.GivenName, child.FamilyName, child.Library, child.MembershipType!, link.SentTo), null);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);
}
