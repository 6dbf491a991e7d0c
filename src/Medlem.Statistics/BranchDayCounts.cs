namespace Medlem.Statistics;

/// <summary>
/// An import's facts counted per branch, day, kind, match, age band and membership type while they
/// are written, for <c>branch_day</c> (as <see cref="MemberMonthCounts"/> counts the member
/// aggregates): grouping ten million facts again in SQL at the commit kept DuckDB busy for 0.6 s on
/// one core at the very end of the import. A fact's group but for its day is its packed flags
/// without the audience (<see cref="StatisticsSchema.Flags"/>); groups are few (branches × kinds ×
/// matches × age bands × types), so each holds an array of days and a fact is one increment.
/// <para>
/// The counts describe the facts as written; when the commit removes some, it groups in SQL instead
/// (<see cref="FactCommit"/>). Counters are bounded by <see cref="Budget"/>: past it the counts give up.
/// </para>
/// </summary>
internal sealed class BranchDayCounts
{
    /// <summary>At most this many bytes of counters (a year of 2,000 groups: 3 MB).</summary>
    public const long Budget = 64L << 20;

    private const long Audience = 0xFL << 16;
    private readonly List<Days> _groups = [];

    // Groups by their flags in an open-addressed table (flags are never 0: a fact has a kind), found
    // with a multiply and a compare or two: a dictionary's lookup was a tenth of the applying thread's time.
    private long[] _flagsAt = new long[256];
    private Days?[] _groupAt = new Days?[256];
    private long _counters;

    private sealed class Days(long flags, int first)
    {
        public long Flags { get; } = flags;

        public int First { get; set; } = first; // the day number of Counts[0]

        public int[] Counts { get; set; } = [];
    }

    /// <summary>Whether the counters outgrew <see cref="Budget"/>: the counts are incomplete and must not be used.</summary>
    public bool GaveUp { get; private set; }

    /// <param name="flags">The fact's packed flags (<see cref="StatisticsSchema.Flags"/>).</param>
    /// <param name="day">The fact's day.</param>
    public void Add(long flags, DateOnly day)
    {
        if (GaveUp)
        {
            return;
        }

        var group = flags & ~Audience;
        var mask = _flagsAt.Length - 1;
        var at = Slot(group, mask);
        while (_flagsAt[at] != group)
        {
            if (_flagsAt[at] == 0)
            {
                at = Insert(group, day.DayNumber);
                break;
            }

            at = (at + 1) & mask;
        }

        var days = _groupAt[at]!;
        var i = day.DayNumber - days.First;
        if ((uint)i >= (uint)days.Counts.Length && !Cover(days, day.DayNumber))
        {
            return;
        }

        days.Counts[day.DayNumber - days.First]++;
    }

    private static int Slot(long flags, int mask) => (int)((ulong)(flags * -7046029254386353131L) >> 40) & mask; // Fibonacci hashing

    /// <summary>A new group: into the table, which is kept at most half full; returns its slot.</summary>
    private int Insert(long group, int day)
    {
        var days = new Days(group, day);
        _groups.Add(days);
        if (_groups.Count * 2 > _flagsAt.Length)
        {
            _flagsAt = new long[_flagsAt.Length * 2];
            _groupAt = new Days?[_flagsAt.Length];
            foreach (var g in _groups.SkipLast(1))
            {
                Place(g);
            }
        }

        return Place(days);
    }

    /// <summary>Puts a group in the first free slot from its own; returns that slot.</summary>
    private int Place(Days days)
    {
        var mask = _flagsAt.Length - 1;
        var at = Slot(days.Flags, mask);
        while (_flagsAt[at] != 0)
        {
            at = (at + 1) & mask;
        }

        _flagsAt[at] = days.Flags;
        _groupAt[at] = days;
        return at;
    }

    /// <summary>Every (flags without the audience, day, count) with a count.</summary>
    public IEnumerable<(long Flags, DateOnly Day, int Count)> Rows()
    {
        foreach (var days in _groups)
        {
            for (var i = 0; i < days.Counts.Length; i++)
            {
                if (days.Counts[i] > 0)
                {
                    yield return (days.Flags, DateOnly.FromDayNumber(days.First + i), days.Counts[i]);
                }
            }
        }
    }

    /// <summary>Widens a group's days to hold <paramref name="day"/>, by at least a quarter of a year each way it grows, within the budget.</summary>
    private bool Cover(Days days, int day)
    {
        const int Slack = 92;
        var length = days.Counts.Length;
        var first = length == 0 ? day - Slack : Math.Min(days.First, day - Slack);
        var end = length == 0 ? day + Slack + 1 : Math.Max(days.First + length, day + Slack + 1);
        _counters += end - first - length;
        if (_counters * sizeof(int) > Budget)
        {
            GaveUp = true;
            _groups.Clear();
            _flagsAt = new long[256];
            _groupAt = new Days?[256];
            return false;
        }

        var counts = new int[end - first];
        days.Counts.CopyTo(counts, days.First - first);
        days.Counts = counts;
        days.First = first;
        return true;
    }
}
