using System.Security.Cryptography;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Activity.Importing;

/// <summary>The register's secret keys for the statistics store's hashes, made on first use.</summary>
internal sealed class StatisticsKeys(MedlemDbContext db, TimeProvider clock)
{
    private const string Fact = "fact";
    private const string Visitor = "visitor";

    public async Task<byte[]> FactSecretAsync(CancellationToken ct)
    {
        var key = await db.StatisticsKeys.FirstOrDefaultAsync(k => k.Purpose == Fact, ct);
        if (key is null)
        {
            key = New(Fact, "");
            db.StatisticsKeys.Add(key);
            await db.SaveChangesAsync(ct);
        }

        return key.Secret;
    }

    /// <summary>A lookup of the monthly visitor keys; a month without one gets a new key, saved by <see cref="SaveNewAsync"/>.</summary>
    public async Task<Func<DateOnly, byte[]>> VisitorSecretsAsync(CancellationToken ct)
    {
        var keys = await db.StatisticsKeys.Where(k => k.Purpose == Visitor).ToDictionaryAsync(k => k.Period, k => k.Secret, StringComparer.Ordinal, ct);
        return month =>
        {
            var period = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            lock (keys)
            {
                if (!keys.TryGetValue(period, out var secret))
                {
                    var key = New(Visitor, period);
                    _new.Add(key);
                    keys[period] = secret = key.Secret;
                }

                return secret;
            }
        };
    }

    private readonly List<StatisticsKey> _new = [];

    public async Task SaveNewAsync(CancellationToken ct)
    {
        db.StatisticsKeys.AddRange(_new);
        _new.Clear();
        await db.SaveChangesAsync(ct);
    }

    private StatisticsKey New(string purpose, string period) =>
        new() { Purpose = purpose, Period = period, Secret = RandomNumberGenerator.GetBytes(32), CreatedAt = clock.GetUtcNow() };
}
