using System.Security.Cryptography;
using System.Text;
using Medlem.Core.Activity.Mapping;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// Visitor hashes as DESIGN.md §4 defines them: a keyed hash of the unmatched reference with the
/// month's key (HMAC-SHA256 here, its first 16 bytes as the id), the same within a month and
/// another the next month, whichever thread asks.
/// </summary>
public sealed class VisitorHashesTests
{
    private static readonly byte[] November = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] December = RandomNumberGenerator.GetBytes(32);

    private static byte[] KeyFor(DateOnly month) => month == new DateOnly(2026, 11, 1) ? November : December;

    private static Guid Expected(byte[] key, string text) => new(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    [Fact]
    public void AReference_IsTheHmacOfItsKindAndTrimmedLowerCaseValue_WithTheMonthsKey()
    {
        using var hashes = new VisitorHashes(KeyFor);

        Assert.Equal(Expected(November, "device:aa:bb:cc:01"), hashes.Of(new DateOnly(2026, 11, 3), "device", " AA:BB:CC:01 "));
        Assert.Equal(Expected(December, "device:aa:bb:cc:01"), hashes.Of(new DateOnly(2026, 12, 24), "device", "aa:bb:cc:01"));
        Assert.Equal(Expected(November, "email:ola@example.no"), hashes.Of(new DateOnly(2026, 11, 30), "email", "Ola@Example.no"));
    }

    [Fact]
    public void ManyThreads_GetTheSameHashes_AsOneThread()
    {
        var days = Enumerable.Range(0, 20_000).Select(i => (Day: new DateOnly(2026, 11, 1).AddDays(i % 61), Device: $"device-{i % 5_000}")).ToArray();
        using var hashes = new VisitorHashes(KeyFor);

        var parallel = new Guid[days.Length];
        Parallel.For(0, days.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = hashes.Of(days[i].Day, "device", days[i].Device));

        var expected = days.Select(d => Expected(d.Day.Month == 11 ? November : December, $"device:{d.Device}")).ToArray();
        Assert.Equal(expected, parallel);
    }
}
