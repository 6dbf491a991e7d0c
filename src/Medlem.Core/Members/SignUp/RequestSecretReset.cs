using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.SignUp;

/// <summary>Who asks for a new PIN or password: by e-mail address, or by library and card number.</summary>
public sealed record SecretResetRequest(string? Email, string? LibraryCode, string? CardNumber);

/// <summary>A reset link to mail to one person's confirmed address.</summary>
public sealed record IssuedReset(Guid PersonId, int LibraryId, string LibraryName, string GivenName, PreferredLanguage Language, IssuedLink Link);

/// <summary>
/// "Forgot my PIN": makes a ResetSecret link (one hour) for each member the request names and
/// sends it only to a confirmed address of theirs, never to one the asker types in. Says nothing
/// of whom it found: the caller answers "if we know you, a mail is on its way" whatever the result,
/// so the form cannot tell strangers who is a member. A person gets at most
/// <see cref="MaxLinksPerHour"/> reset links an hour.
/// </summary>
/// <remarks>
/// A family may share an address: each member with it confirmed gets a link of their own (at most
/// <see cref="MaxPeoplePerAddress"/>). People without a membership (guardians only) are not
/// reset here: their PIN opens nothing.
/// </remarks>
public sealed class RequestSecretReset(MedlemDbContext db, TimeProvider clock)
{
    public const int MaxLinksPerHour = 3;
    public const int MaxPeoplePerAddress = 5;

    public async Task<IReadOnlyList<IssuedReset>> RunAsync(SecretResetRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var found = ContactValues.NormaliseEmail(request.Email) is { } email
            ? await ByEmailAsync(email, ct)
            : await ByCardAsync(request.LibraryCode, request.CardNumber, ct);

        var issued = new List<IssuedReset>();
        foreach (var target in found)
        {
            if (await MemberLinkTokens.CountSinceAsync(db, target.PersonId, MemberLinkPurpose.ResetSecret, now.AddHours(-1), ct) >= MaxLinksPerHour)
            {
                continue;
            }

            var (link, token) = MemberLinkTokens.Create(target.PersonId, target.MembershipId, MemberLinkPurpose.ResetSecret, target.Email, now);
            db.MemberLinks.Add(link);
            issued.Add(new IssuedReset(target.PersonId, target.LibraryId, target.LibraryName, target.GivenName, target.Language, token));
        }

        await db.SaveChangesAsync(ct);
        return issued;
    }

    private sealed record Target(Guid PersonId, Guid MembershipId, int LibraryId, string LibraryName, string GivenName, PreferredLanguage Language, string Email);

    private async Task<List<Target>> ByEmailAsync(string email, CancellationToken ct)
    {
        var people = await db.ContactPoints
            .Where(c => c.Kind == ContactKind.Email && c.Value == email && c.Verified)
            .Select(c => c.PersonId)
            .Distinct()
            .Take(MaxPeoplePerAddress)
            .ToListAsync(ct);
        var targets = new List<Target>();
        foreach (var personId in people)
        {
            // The mail is sent on behalf of the library of the person's first membership.
            var membership = await db.Memberships.Where(m => m.PersonId == personId && m.BlockedAt == null)
                .OrderBy(m => m.ValidFrom).ThenBy(m => m.Id).Select(m => new { m.Id, m.LibraryId }).FirstOrDefaultAsync(ct);
            if (membership is not null)
            {
                targets.Add(await TargetAsync(personId, membership.Id, membership.LibraryId, email, ct));
            }
        }

        return targets;
    }

    private async Task<List<Target>> ByCardAsync(string? libraryCode, string? cardNumber, CancellationToken ct)
    {
        var code = InputText.Clean(libraryCode);
        var number = InputText.Clean(cardNumber);
        if (code is null || number is null || number.Length > CardNumbers.MaxLength)
        {
            return [];
        }

        var membership = await db.Cards
            .Where(c => c.Number == number && c.Status == CardStatus.Active)
            .Join(db.Libraries.Where(l => l.Code == code), c => c.LibraryId, l => l.Id, (c, _) => c)
            .Join(db.Memberships.Where(m => m.BlockedAt == null), c => c.MembershipId, m => m.Id, (_, m) => new { m.Id, m.PersonId, m.LibraryId })
            .SingleOrDefaultAsync(ct);
        if (membership is null)
        {
            return [];
        }

        var email = await db.ContactPoints
            .Where(c => c.PersonId == membership.PersonId && c.Kind == ContactKind.Email && c.Verified)
            .OrderBy(c => c.Id).Select(c => c.Value).FirstOrDefaultAsync(ct);
        return email is null ? [] : [await TargetAsync(membership.PersonId, membership.Id, membership.LibraryId, email, ct)];
    }

    private async Task<Target> TargetAsync(Guid personId, Guid membershipId, int libraryId, string email, CancellationToken ct)
    {
        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.GivenName, p.PreferredLanguage }).SingleAsync(ct);
        var libraryName = await db.Libraries.Where(l => l.Id == libraryId).Select(l => l.Name).SingleAsync(ct);
        return new Target(personId, membershipId, libraryId, libraryName, person.GivenName, person.PreferredLanguage, email);
    }
}
