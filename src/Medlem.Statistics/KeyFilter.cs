namespace Medlem.Statistics;

/// <summary>
/// A Bloom filter over the (key, day) pairs an import writes, so the commit can look for
/// repeats among a few candidates instead of grouping ten million rows. Every repeat is among the
/// candidates (a Bloom filter has no false negatives); about 0.5 % of ten million distinct keys
/// become candidates by chance and are cleared by the check. 16 MiB, three probes per key.
/// </summary>
internal sealed class KeyFilter
{
    private const int Bits = 1 << 27;
    private readonly ulong[] _words = new ulong[Bits / 64];

    public List<(long Key, DateOnly Day)> Candidates { get; } = [];

    public void Add(long key, DateOnly day)
    {
        // The key is already a good hash; mixing in the day and slicing gives three probes.
        var h = (ulong)key ^ ((ulong)(uint)day.DayNumber * 0x9E3779B97F4A7C15UL);
        var a = (int)(h & (Bits - 1));
        var b = (int)((h >> 27) & (Bits - 1));
        var c = (int)((h >> 54 | h << 10) & (Bits - 1));
        if (Test(a) & Test(b) & Test(c))
        {
            Candidates.Add((key, day));
        }

        Set(a);
        Set(b);
        Set(c);
    }

    private bool Test(int bit) => (_words[bit >> 6] & (1UL << (bit & 63))) != 0;

    private void Set(int bit) => _words[bit >> 6] |= 1UL << (bit & 63);
}
