using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Medlem.Core.Privacy.Audit;

/// <summary>
/// The chain's arithmetic. An entry's hash is SHA-256 over a canonical text of its fields (fixed
/// order, invariant culture, numbers for enums, UTC instants in ISO 8601 with microseconds) and
/// the previous entry's hash. The subject enters only through <see cref="AuditEntry.SubjectDigest"/>,
/// itself a salted SHA-256 of the ids, so erasure can remove ids and salt without touching the hash.
/// Changing anything here breaks every existing chain: add a new version prefix instead.
/// </summary>
public static class AuditHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string Version = "medlem.audit.v1";

    public static string Canonical(AuditEntry entry) => string.Join('\n',
        Version,
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        entry.LibraryId.ToString(CultureInfo.InvariantCulture),
        entry.StaffAccountId.ToString(CultureInfo.InvariantCulture),
        entry.SubjectDigest,
        ((int)entry.Action).ToString(CultureInfo.InvariantCulture),
        entry.Purpose,
        entry.PreviousHash);

    public static string Of(AuditEntry entry) => Sha256(Canonical(entry));

    public static string SubjectDigest(string salt, Guid personId, Guid? membershipId) =>
        Sha256(string.Join('\n', salt, personId.ToString("D"), membershipId?.ToString("D") ?? ""));

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Drops what PostgreSQL's timestamptz would (below a microsecond) and the offset.</summary>
    public static DateTimeOffset Instant(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
