using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// The import's key filter (KeyFilter): a Bloom filter of 2^21 64-bit words with a key's four bits
/// in one word. A Bloom filter has no false negatives, so every repeat must be a candidate; its
/// false positives follow from the bits already set when a key is tested.
/// </summary>
public sealed class KeyFilterTests
{
    [Fact]
    public void EveryRepeat_IsACandidate()
    {
        var filter = new KeyFilter();
        var random = new Random(7);
        var keys = Enumerable.Range(0, 100_000).Select(_ => (Key: random.NextInt64(), Day: new DateOnly(2026, 1, 1).AddDays(random.Next(365)))).ToList();
        keys.ForEach(k => filter.Add(k.Key, k.Day));
        var before = filter.Candidates.Count;

        var repeats = keys.Where((_, i) => i % 100 == 0).ToList();
        repeats.ForEach(k => filter.Add(k.Key, k.Day));

        Assert.Equal(repeats, filter.Candidates.Skip(before));
    }

    [Fact]
    public void TenMillionDistinctKeys_GiveTheCandidatesTheFiltersSizeExplains()
    {
        // Expected: the t-th key meets a word holding Poisson(t / 2^21) earlier keys of four bits each, so
        // P(candidate) = Σj Pois(j) (1 − (63/64)^(4j))^4; averaged over t = 1..10^7 that is 0.2256 %:
        // 22,557 candidates (0.83 % for the last key). Random keys stand in for the keyed hashes the filter gets.
        var filter = new KeyFilter();
        var random = new Random(11);
        for (var i = 0; i < 10_000_000; i++)
        {
            filter.Add(random.NextInt64(), new DateOnly(2025, 12, 1).AddDays(i % 365));
        }

        Assert.InRange(filter.Candidates.Count, 22_557 * 0.9, 22_557 * 1.1);
    }
}
