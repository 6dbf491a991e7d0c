using System.Security.Cryptography;
using System.Text;
using Medlem.Core.Activity;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.ElectronicId;

/// <summary>
/// The provider's subject (<c>sub</c>) of a person, as <see cref="Accounts.MemberAccount.ElectronicIdSubject"/>
/// stores it: HMAC-SHA256 of issuer and subject with a secret of the register, in lower-case hex.
/// Keyed like the activity import's visitor hashes, so a copy of the table cannot be matched with
/// a provider's subjects by anyone without the secret. The secret is a row of the register's key
/// table (<see cref="StatisticsKey"/>, purpose <c>eid-subject</c>), made on first use and never
/// rotated: a new key would orphan every stored subject (the national identity number would
/// still find the person and re-link them).
/// </summary>
public sealed class ElectronicIdSubjects(MedlemDbContext db, TimeProvider clock)
{
    public const string KeyPurpose = "eid-subject";

    public async Task<string> HashAsync(string issuer, string subject, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var key = await KeyAsync(ct);

        // The subject is unique per issuer only (OpenID Connect Core §2), so the issuer is part of it.
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(issuer + "\n" + subject));
        return Convert.ToHexStringLower(mac);
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        var existing = await db.StatisticsKeys.AsNoTracking()
            .Where(k => k.Purpose == KeyPurpose && k.Period == "").Select(k => k.Secret).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var key = new StatisticsKey { Purpose = KeyPurpose, Period = "", Secret = RandomNumberGenerator.GetBytes(32), CreatedAt = clock.GetUtcNow() };
        db.StatisticsKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(ct);
            return key.Secret;
        }
        catch (DbUpdateException)
        {
            // Two first sign-ins at once: the unique index keeps one key, which both then use.
            db.Entry(key).State = EntityState.Detached;
            return await db.StatisticsKeys.AsNoTracking()
                .Where(k => k.Purpose == KeyPurpose && k.Period == "").Select(k => k.Secret).SingleAsync(ct);
        }
    }
}
