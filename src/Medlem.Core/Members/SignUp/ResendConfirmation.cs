using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.SignUp;

/// <summary>A new confirmation link for a sign-up whose mail did not arrive, or null and why not.</summary>
public sealed record ResentConfirmation(Guid PersonId, int LibraryId, string LibraryName, string GivenName, PreferredLanguage Language, IssuedLink Link);

/// <summary>
/// "Send again" on the check-your-mail page: a new ConfirmEmail link to the same, still
/// unconfirmed address of a pending sign-up. At most <see cref="MaxLinksPerHour"/> links an hour
/// per person, so the button cannot flood someone's mailbox. Older links keep working until one
/// of them is used (then <see cref="MemberLinkTokens.CloseOthersAsync"/> closes the rest).
/// </summary>
public sealed class ResendConfirmation(MedlemDbContext db, TimeProvider clock)
{
    public const int MaxLinksPerHour = 3;

    public async Task<ResentConfirmation?> RunAsync(Guid personId, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = await db.ContactPoints
            .Where(c => c.PersonId == personId && c.Kind == ContactKind.Email && c.Value == address && !c.Verified)
            .Join(db.Memberships.Where(m => m.Verification == VerificationLevel.None), c => c.PersonId, m => m.PersonId, (_, m) => new { m.Id, m.LibraryId })
            .Join(db.Libraries, m => m.LibraryId, l => l.Id, (m, l) => new { MembershipId = m.Id, LibraryId = l.Id, LibraryName = l.Name })
            .FirstOrDefaultAsync(ct);
        if (pending is null || await MemberLinkTokens.CountSinceAsync(db, personId, MemberLinkPurpose.ConfirmEmail, now.AddHours(-1), ct) >= MaxLinksPerHour)
        {
            return null;
        }

        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.GivenName, p.PreferredLanguage }).SingleAsync(ct);
        var (link, issued) = MemberLinkTokens.Create(personId, pending.MembershipId, MemberLinkPurpose.ConfirmEmail, address, now);
        db.MemberLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return new ResentConfirmation(personId, pending.LibraryId, pending.LibraryName, person.GivenName, person.PreferredLanguage, issued);
    }
}
