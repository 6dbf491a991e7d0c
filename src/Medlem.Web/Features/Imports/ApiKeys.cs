using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Medlem.Core.Activity;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// API keys of activity sources: <c>mdl_</c> and 256 random bits in base64url. The register keeps
/// the first <see cref="PrefixLength"/> characters, to find a key and to show staff which key is
/// which, and the SHA-256 of the whole key. A fast hash is enough for 256 random bits (nothing to
/// guess); the key itself is shown once, when it is made, and never stored or logged.
/// </summary>
public static class ApiKeys
{
    public const int PrefixLength = 12;
    private const string Marker = "mdl_";

    /// <summary>A new key and the source that knows it by its hash; the caller saves the source and shows the key once.</summary>
    public static (string Key, ActivitySource Source) Create(int libraryId, string name, string createdBy, DateTimeOffset now)
    {
        var key = Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var source = new ActivitySource
        {
            LibraryId = libraryId,
            Name = name,
            KeyPrefix = key[..PrefixLength],
            KeyHash = Hash(key),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        return (key, source);
    }

    /// <summary>The source a presented key belongs to, if it is one of ours and not revoked.</summary>
    public static async Task<ActivitySource?> FindAsync(MedlemDbContext db, string key, CancellationToken ct)
    {
        if (key.Length <= PrefixLength || key.Length > 100 || !key.StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        var prefix = key[..PrefixLength];
        var source = await db.ActivitySources.AsNoTracking().SingleOrDefaultAsync(s => s.KeyPrefix == prefix, ct);
        var matches = source is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(source.KeyHash), Encoding.ASCII.GetBytes(Hash(key)));
        return matches && source!.RevokedAt is null ? source : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
