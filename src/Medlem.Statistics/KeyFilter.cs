namespace Medlem.Statistics;

/// <summary>
/// A Bloom filter over the (key, day) pairs an import writes, so the commit can look for
/// repeats among a few candidates instead of grouping ten million rows. Every repeat is among the
/// candidates (a Bloom filter has no false negatives); about 0.2 % of ten million distinct keys
/// become candidates by chance (0.8 % by the last key, when the filter is fullest) and are cleared
/// by the check. 16 MiB; the four bits of a key lie in
/// one 64-bit word, so a key costs one memory read: with the bits spread over the whole filter,
/// three cache misses a fact had made this a tenth of an import's time.
/// <para>
/// A file that repeats itself at length (the same export twice in one file) would make every
/// second row a candidate: past <paramref name="mostCandidates"/> the filter stops listing them
/// (<see cref="Overflowed"/>), and the commit groups the import's days in SQL instead, as it does
/// when earlier imports overlap them. Without the bound, the same ten million rows twice held
/// 160 MB of candidates (twice that while the list grew).
/// </para>
/// </summary>
/// <param name="mostCandidates">The most candidates listed (16 bytes each).</param>
internal sealed class KeyFilter(int mostCandidates = KeyFilter.MostCandidates)
{
    /// <summary>About a million candidates (16 MiB): five times the chance ones of a ten-million-row file.</summary>
    public const int MostCandidates = 1 << 20;

    private const int Words = 1 << 21;
    private readonly ulong[] _words = new ulong[Words];

    /// <summary>The (key, day) pairs that may repeat an earlier one; incomplete once <see cref="Overflowed"/>.</summary>
    public List<(long Key, DateOnly Day)> Candidates { get; } = [];

    /// <summary>Whether there were more candidates than listed: the commit must then look for repeats in all the import's days.</summary>
    public bool Overflowed { get; private set; }

    public void Add(long key, DateOnly day)
    {
        var h = Hash(key, day);
        ref var word = ref _words[(int)(h & (Words - 1))];
        var bits = (1UL << (int)((h >> 21) & 63)) | (1UL << (int)((h >> 27) & 63)) | (1UL << (int)((h >> 33) & 63)) | (1UL << (int)((h >> 39) & 63));
        if ((word & bits) == bits && !Overflowed)
        {
            if (Candidates.Count < mostCandidates)
            {
                Candidates.Add((key, day));
            }
            else
            {
                Overflowed = true;
                Candidates.Clear();
                Candidates.TrimExcess();
            }
        }

        word |= bits;
    }

    /// <summary>Asks the processor to fetch a key's word ahead of <see cref="Add"/>, so the misses of several keys overlap.</summary>
    public void Prefetch(long key, DateOnly day) => CacheHints.Prefetch(ref _words[(int)(Hash(key, day) & (Words - 1))]);

    // The key is already a good hash; mixing in the day gives the word (21 bits) and four bit places (6 bits each).
    private static ulong Hash(long key, DateOnly day) => (ulong)key ^ ((ulong)(uint)day.DayNumber * 0x9E3779B97F4A7C15UL);
}
