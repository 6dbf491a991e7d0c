using Medlem.Core;
using Medlem.Core.Data;
using Medlem.Core.Members.Guardians;
using Medlem.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Guardian;

/// <summary>
/// Asks a guardian to approve a child's membership: makes the one-time link
/// (<see cref="GuardianApprovalLinks"/>, seven days, one use, this child only) and mails it to the
/// guardian's address over <see cref="MemberMail"/>. For the sign-up of a child under the
/// guardian-approval age, and for anyone else who needs a guardian asked. The mail names the
/// child by given name only: the address came from the child and may be wrong.
/// </summary>
public sealed class RequestGuardianApproval(
    GuardianApprovalLinks links, MemberMail mail, MemberLinkUrls urls, MedlemDbContext db, IStringLocalizer<Program> texts)
{
    public const string Template = "guardian-approval";

    /// <summary>Sends the link; returns the (normalised) address it went to, or why not.</summary>
    public async Task<Outcome<string>> RequestAsync(Guid childMembershipId, string? guardianEmail, CancellationToken ct)
    {
        var link = await links.CreateAsync(childMembershipId, guardianEmail, ct);
        if (!link.Succeeded)
        {
            return link.NotFound ? Outcome<string>.Missing() : Outcome<string>.Invalid(link.Errors);
        }

        var child = await db.Memberships.AsNoTracking().Where(m => m.Id == childMembershipId)
            .Select(m => new { m.PersonId, m.LibraryId, m.Person!.GivenName, Library = db.Libraries.Where(l => l.Id == m.LibraryId).Select(l => l.Name).Single() })
            .SingleAsync(ct);
        var to = Core.Members.ContactValues.NormaliseEmail(guardianEmail)!;
        var url = urls.Absolute(GuardianPaths.ApproveWith(link.Value!));
        var subject = texts["guardian.mail.subject", child.GivenName, child.Library].Value;
        var body = texts["guardian.mail.body", child.GivenName, child.Library, url, GuardianApprovalLinks.ValidFor.Days].Value;
        await mail.SendAsync(new MemberMessage(child.PersonId, child.LibraryId, Template, to, subject, body), ct);
        return Outcome<string>.Success(to);
    }
}
