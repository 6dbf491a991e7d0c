using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Privacy;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Member.Login;

/// <summary>
/// Checks a member's card number and PIN, or verified e-mail address and password. A failure
/// never says which part was wrong, nor whether the card or address exists; five failures lock
/// the account for a while (<see cref="SecretCheck"/>). Only an active card of a membership
/// that is not blocked signs in.
/// </summary>
public sealed partial class MemberSignIn(MedlemDbContext db, IPasswordHasher<MemberAccount> hasher, TimeProvider clock, ILogger<MemberSignIn> log)
{
    public async Task<MemberPrincipal?> WithCardAsync(int libraryId, string? cardNumber, string? pin, CancellationToken ct)
    {
        var number = cardNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 40 || string.IsNullOrEmpty(pin) || pin.Length > 40)
        {
            return null;
        }

        var personId = await db.Cards
            .Where(c => c.LibraryId == libraryId && c.Number == number && c.Status == CardStatus.Active)
            .Join(db.Memberships.Where(m => m.BlockedAt == null), c => c.MembershipId, m => m.Id, (_, m) => (Guid?)m.PersonId)
            .SingleOrDefaultAsync(ct);
        var member = personId is { } id ? await CheckAsync([id], pin, a => a.PinHash, MemberSignInMethod.Pin, ct) : null;
        if (member is null)
        {
            LogCardFailed(log, libraryId, number);
        }

        return member;
    }

    /// <summary>The card number is redacted to a keyed hash (LogRedaction): repeated attempts on one card show, the number does not.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Member sign-in with a card of library {LibraryId} failed (card {CardNumber})")]
    private static partial void LogCardFailed(ILogger logger, int libraryId, [RedactedIdentifier] string cardNumber);

    public async Task<MemberPrincipal?> WithEmailAsync(string? email, string? password, CancellationToken ct)
    {
        var address = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address) || address.Length > 320 || string.IsNullOrEmpty(password) || password.Length > 200)
        {
            return null;
        }

        // A family may share an address; each of them with a password of their own is a candidate.
        var people = await db.ContactPoints
            .Where(c => c.Kind == ContactKind.Email && c.Value == address && c.Verified)
            .Select(c => c.PersonId)
            .Distinct()
            .Take(10)
            .ToListAsync(ct);
        return await CheckAsync(people, password, a => a.PasswordHash, MemberSignInMethod.Password, ct);
    }

    private async Task<MemberPrincipal?> CheckAsync(
        IReadOnlyList<Guid> people, string secret, Func<MemberAccount, string?> hashOf, MemberSignInMethod method, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var accounts = await db.MemberAccounts.Where(a => people.Contains(a.PersonId)).ToListAsync(ct);
        MemberAccount? matched = null;
        foreach (var account in accounts.Where(a => hashOf(a) is not null && !SecretCheck.IsLocked(a, now)))
        {
            var valid = SecretCheck.Verify(hasher, account, hashOf(account), secret, now, rehashed => Rehash(account, method, rehashed));
            if (valid)
            {
                matched = account;
                account.LastSignInAt = now;
                break;
            }
        }

        await db.SaveChangesAsync(ct);
        if (matched is null)
        {
            return null;
        }

        var givenName = await db.People.Where(p => p.Id == matched.PersonId).Select(p => p.GivenName).SingleAsync(ct);
        return new MemberPrincipal(matched.PersonId, givenName, method);
    }

    private static void Rehash(MemberAccount account, MemberSignInMethod method, string hash)
    {
        if (method == MemberSignInMethod.Pin)
        {
            account.PinHash = hash;
        }
        else
        {
            account.PasswordHash = hash;
        }
    }
}
