using System.Security.Cryptography;
using System.Text;

namespace Medlem.Core.Members.Guardians;

/// <summary>
/// The secret in a one-time link (<see cref="Accounts.MemberLink"/>): 32 random bytes, base64url,
/// of which only the SHA-256 (lower-case hex of the token's UTF-8 text) is stored.
/// </summary>
public static class LinkTokens
{
    public static (string Token, string Hash) New()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, HashOf(token));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A plausible token: the right length and alphabet, so junk is refused before the database is asked.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
