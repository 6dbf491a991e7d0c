using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.SignUp;

/// <summary>Why a one-time link does not work. Each has its own message for the member; none changes anything.</summary>
public enum LinkProblem
{
    None = 0,

    /// <summary>The token matches no link of this kind: cut short, mistyped, forged, or the link was erased.</summary>
    Unknown = 1,

    Expired = 2,

    Used = 3,

    /// <summary>A member is signed in as someone else than the person the link was made for.</summary>
    OtherPerson = 4,

    /// <summary>Confirming only: the address was confirmed meanwhile for another member of the same library.</summary>
    AddressTaken = 5,
}

/// <summary>A link just made: the token goes into the e-mail and nowhere else (only its hash is stored).</summary>
public sealed record IssuedLink(string Token, string SentTo, DateTimeOffset ExpiresAt);

/// <summary>
/// The one-time links of <see cref="MemberLink"/>: a random 32-byte token, URL-safe, of which only
/// the SHA-256 is stored, so a copy of the database opens no link. How long each kind works is
/// decided here, in one place.
/// </summary>
public static class MemberLinkTokens
{
    public const int TokenBytes = 32;

    /// <summary>Length of a token: 32 bytes in unpadded base64url.</summary>
    public const int TokenLength = 43;

    /// <summary>Two days: long enough for a weekend, short enough that an old mailbox is not a key.</summary>
    public static readonly TimeSpan ConfirmEmailLifetime = TimeSpan.FromHours(48);

    /// <summary>One hour: a reset link is a key to the account and is used at once.</summary>
    public static readonly TimeSpan ResetSecretLifetime = TimeSpan.FromHours(1);

    /// <summary>A week: a guardian may not read mail every day, and the child's membership only waits meanwhile.</summary>
    public static readonly TimeSpan GuardianApprovalLifetime = TimeSpan.FromDays(7);

    public static TimeSpan LifetimeOf(MemberLinkPurpose purpose) => purpose switch
    {
        MemberLinkPurpose.ConfirmEmail => ConfirmEmailLifetime,
        MemberLinkPurpose.ResetSecret => ResetSecretLifetime,
        MemberLinkPurpose.GuardianApproval => GuardianApprovalLifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Lower-case hex SHA-256 of the token, as <see cref="MemberLink.TokenHash"/> holds it.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A new link (not yet added to the database) and its token.</summary>
    public static (MemberLink Link, IssuedLink Issued) Create(
        Guid personId, Guid? membershipId, MemberLinkPurpose purpose, string sentTo, DateTimeOffset now)
    {
        var token = NewToken();
        var link = new MemberLink
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            MembershipId = membershipId,
            Purpose = purpose,
            TokenHash = HashOf(token),
            SentTo = sentTo,
            CreatedAt = now,
            ExpiresAt = now + LifetimeOf(purpose),
        };
        return (link, new IssuedLink(token, sentTo, link.ExpiresAt));
    }

    /// <summary>
    /// The link of <paramref name="token"/> if it is of <paramref name="purpose"/>, tracked so the
    /// caller can use it up, and whether it still works. A link of another purpose is
    /// <see cref="LinkProblem.Unknown"/>: a reset link never confirms an address, nor the reverse.
    /// </summary>
    public static async Task<(MemberLink? Link, LinkProblem Problem)> FindAsync(
        MedlemDbContext db, string? token, MemberLinkPurpose purpose, DateTimeOffset now, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return (null, LinkProblem.Unknown);
        }

        var hash = HashOf(token!);
        var link = await db.MemberLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.Purpose != purpose)
        {
            return (null, LinkProblem.Unknown);
        }

        // Used before expired: "already used" tells the member more than "too old".
        if (link.UsedAt is not null)
        {
            return (link, LinkProblem.Used);
        }

        return link.ExpiresAt <= now ? (link, LinkProblem.Expired) : (link, LinkProblem.None);
    }

    /// <summary>
    /// Ends the person's other open links of the purpose once one of them has been used, so that
    /// only one link per purpose ever works (a resent mail must not leave a second key behind).
    /// Loaded and compared here, not in SQL: SQLite cannot compare instants.
    /// </summary>
    public static async Task CloseOthersAsync(MedlemDbContext db, MemberLink used, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.MemberLinks
            .Where(l => l.PersonId == used.PersonId && l.Purpose == used.Purpose && l.Id != used.Id && l.UsedAt == null)
            .ToListAsync(ct);
        foreach (var link in open.Where(l => l.ExpiresAt > now))
        {
            link.ExpiresAt = now;
        }
    }

    /// <summary>How many links of the purpose the person was sent since <paramref name="since"/>: a ceiling against mail bombing.</summary>
    public static async Task<int> CountSinceAsync(MedlemDbContext db, Guid personId, MemberLinkPurpose purpose, DateTimeOffset since, CancellationToken ct)
    {
        var created = await db.MemberLinks.Where(l => l.PersonId == personId && l.Purpose == purpose).Select(l => l.CreatedAt).ToListAsync(ct);
        return created.Count(at => at > since);
    }
}
