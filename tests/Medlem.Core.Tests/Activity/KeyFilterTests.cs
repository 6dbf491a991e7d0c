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

    [Fact]
    public void PastItsBound_TheFilterListsNoMoreCandidates_AndSaysSo()
    {
        var filter = new KeyFilter(mostCandidates: 50);
        var keys = Enumerable.Range(1, 1_000).Select(k => (k * 2_654_435_761L, new DateOnly(2026, 3, 1))).ToList();
        keys.ForEach(k => filter.Add(k.Item1, k.Item2));
        keys.Take(50).ToList().ForEach(k => filter.Add(k.Item1, k.Item2));

        Assert.False(filter.Overflowed);
        Assert.Equal(keys.Take(50), filter.Candidates);

        filter.Add(keys[50].Item1, keys[50].Item2);

        Assert.True(filter.Overflowed);
        Assert.Empty(filter.Candidates);
    }

    /// <summary>
    /// A file that repeats itself past the filter's bound: the commit then groups the import's days
    /// in SQL, and still keeps each fact once (FactCommit).
    /// </summary>
    [Fact]
    public async Task AnImportRepeatingItselfPastTheBound_StillKeepsEachFactOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medlem-tests", $"keyfilter-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var store = new StatisticsStore(Path.Combine(folder, "statistics.duckdb"));
            await using var connection = await store.OpenAsync(Ct);
            using var staging = await FactStaging.StartAsync(connection, 1, 1, mostCandidates: 10, Ct);
            var facts = Enumerable.Range(1, 100)
                .Select(k => new Fact { Key = k, LibraryId = 1, Day = new DateOnly(2026, 3, 1 + (k % 28)), Kind = FactKind.Loan, Match = MatchKind.Anonymous })
                .ToArray();
            staging.Append(facts);
            staging.Append(facts);
            staging.Complete();

            Assert.True(staging.Filter.Overflowed);
            var result = await FactCommit.CommitAsync(connection, staging, Ct);

            Assert.Equal((200L, 100L), (result.Staged, result.Loaded));
            Assert.Equal(100, await connection.ScalarAsync<long>("SELECT count(DISTINCT key) FROM fact_row", Ct));
            Assert.Equal(100, await connection.ScalarAsync<long>("SELECT count(*) FROM fact_row", Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
