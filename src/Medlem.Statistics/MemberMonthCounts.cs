namespace Medlem.Statistics;

/// <summary>
/// An import's member facts counted per member, month and kind while they are written, for the
/// two member aggregates (<c>member_month</c>, and <c>member_year</c> with its month masks). Grouping
/// ten million facts again in SQL at the commit took DuckDB seconds; here each fact is one increment
/// in an array: one array per month and kind, indexed by the member's place in this import.
/// <para>
/// The counts describe the facts as written. When the commit removes some (repeats of earlier
/// imports, or within the file), they no longer do, and the commit counts in SQL instead
/// (<see cref="FactCommit"/>). Counters are bounded: an import spanning so many months that they
/// would pass <see cref="Budget"/> gives up counting here, and is counted in SQL too.
/// </para>
/// </summary>
internal sealed class MemberMonthCounts
{
    /// <summary>At most this many bytes of counters (a year of loans for 300,000 members: 13 months × 4 kinds × 1.2 MB).</summary>
    public const long Budget = 192L << 20;

    private const int Kinds = 8;

    // Counter arrays by key - _firstKey, the key being a month and kind ((year * 12 + month - 1) * Kinds + kind):
    // a fact's counters are found without hashing (twice a fact, with the prefetch).
    private int[]?[] _byKey = [];
    private int _firstKey;
    private int _arrays;
    private int[] _slotOf = new int[1024]; // member number → place + 1
    private int[] _memberAt = new int[1024]; // place → member number
    private int _members;
    private int _capacity;

    /// <param name="expectedMembers">Members the import may name (the library's): the counters' first size.</param>
    public MemberMonthCounts(int expectedMembers = 1 << 16) => _capacity = Math.Max(expectedMembers, 1024);

    /// <summary>Whether the counters outgrew <see cref="Budget"/>: the counts are incomplete and must not be used.</summary>
    public bool GaveUp { get; private set; }

    public void Add(int member, DateOnly day, FactKind kind)
    {
        if (GaveUp)
        {
            return;
        }

        var (year, month, _) = day;
        var key = (((year * 12) + month - 1) * Kinds) + (int)kind;
        var counts = Counters(key);
        if (counts is null)
        {
            return;
        }

        var place = PlaceOf(member);
        if (place >= counts.Length)
        {
            if (!Grow())
            {
                return;
            }

            counts = _byKey[key - _firstKey]!;
        }

        counts[place]++;
    }

    /// <summary>Asks the processor to fetch a member's slot ahead of <see cref="Prefetch"/>.</summary>
    public void PrefetchSlot(int member)
    {
        if (member < _slotOf.Length)
        {
            CacheHints.Prefetch(ref _slotOf[member]);
        }
    }

    /// <summary>Asks the processor to fetch a fact's counter ahead of <see cref="Add"/> (when its member and month are known already).</summary>
    public void Prefetch(int member, DateOnly day, FactKind kind)
    {
        if (GaveUp || member >= _slotOf.Length)
        {
            return;
        }

        var place = _slotOf[member] - 1;
        var (year, month, _) = day;
        var at = (((year * 12) + month - 1) * Kinds) + (int)kind - _firstKey;
        if (place >= 0 && (uint)at < (uint)_byKey.Length && _byKey[at] is { } counts && place < counts.Length)
        {
            CacheHints.Prefetch(ref counts[place]);
        }
    }

    /// <summary>Every (member, first day of month, kind, count) with a count.</summary>
    public IEnumerable<(int Member, DateOnly Month, FactKind Kind, int Count)> Months()
    {
        foreach (var (key, counts) in Arrays())
        {
            var month = MonthOf(key);
            for (var place = 0; place < _members; place++)
            {
                if (counts[place] > 0)
                {
                    yield return (_memberAt[place], month, (FactKind)(key % Kinds), counts[place]);
                }
            }
        }
    }

    /// <summary>
    /// Per member and year: counts of loans, renewals, events, wifi sessions and digital loans, and
    /// the months (bit m-1 for month m) with use of each sort, as <see cref="StatisticsSchema"/>'s
    /// <c>member_year</c> defines them. A member with only returns or local use that year gets a row of zeros.
    /// </summary>
    public IEnumerable<MemberYear> Years()
    {
        foreach (var year in Arrays().GroupBy(a => MonthOf(a.Key).Year))
        {
            var rows = new MemberYear[_members];
            var seen = new bool[_members];
            foreach (var (key, counts) in year)
            {
                var kind = (FactKind)(key % Kinds);
                var bit = 1 << (MonthOf(key).Month - 1);
                for (var place = 0; place < _members; place++)
                {
                    var n = counts[place];
                    if (n > 0)
                    {
                        seen[place] = true;
                        rows[place].Add(kind, n, bit);
                    }
                }
            }

            for (var place = 0; place < _members; place++)
            {
                if (seen[place])
                {
                    yield return rows[place] with { Member = _memberAt[place], Year = (short)year.Key };
                }
            }
        }
    }

    private static DateOnly MonthOf(int key)
    {
        var months = key / Kinds;
        return new DateOnly(months / 12, (months % 12) + 1, 1);
    }

    /// <summary>The counter arrays with their keys, in the keys' order.</summary>
    private IEnumerable<(int Key, int[] Counts)> Arrays()
    {
        for (var at = 0; at < _byKey.Length; at++)
        {
            if (_byKey[at] is { } counts)
            {
                yield return (_firstKey + at, counts);
            }
        }
    }

    private int[]? Counters(int key)
    {
        var at = key - _firstKey;
        if ((uint)at < (uint)_byKey.Length && _byKey[at] is { } counts)
        {
            return counts;
        }

        if ((long)(_arrays + 1) * _capacity * sizeof(int) > Budget)
        {
            Abandon();
            return null;
        }

        Cover(key);
        _arrays++;
        return _byKey[key - _firstKey] = new int[_capacity];
    }

    /// <summary>Widens the keys laid out to the whole month of <paramref name="key"/>.</summary>
    private void Cover(int key)
    {
        var month = key / Kinds * Kinds;
        var first = _byKey.Length == 0 ? month : Math.Min(_firstKey, month);
        var end = _byKey.Length == 0 ? month + Kinds : Math.Max(_firstKey + _byKey.Length, month + Kinds);
        if (first == _firstKey && end - first == _byKey.Length)
        {
            return;
        }

        var byKey = new int[]?[end - first];
        if (_byKey.Length > 0)
        {
            _byKey.CopyTo(byKey, _firstKey - first);
        }

        _byKey = byKey;
        _firstKey = first;
    }

    private int PlaceOf(int member)
    {
        if (member >= _slotOf.Length)
        {
            Array.Resize(ref _slotOf, Math.Max(member + 1, _slotOf.Length * 2));
        }

        var place = _slotOf[member] - 1;
        if (place < 0)
        {
            place = _members++;
            _slotOf[member] = place + 1;
            if (place >= _memberAt.Length)
            {
                Array.Resize(ref _memberAt, _memberAt.Length * 2);
            }

            _memberAt[place] = member;
        }

        return place;
    }

    /// <summary>More members than the counters hold: every counter array grows by half, within the budget.</summary>
    private bool Grow()
    {
        if ((long)_arrays * (_capacity + (_capacity / 2)) * sizeof(int) > Budget)
        {
            Abandon();
            return false;
        }

        _capacity = checked(_capacity + (_capacity / 2));
        for (var at = 0; at < _byKey.Length; at++)
        {
            if (_byKey[at] is not null)
            {
                Array.Resize(ref _byKey[at], _capacity);
            }
        }

        return true;
    }

    private void Abandon()
    {
        GaveUp = true;
        _byKey = [];
        _arrays = 0;
    }
}

/// <summary>One row of <c>member_year</c>.</summary>
internal record struct MemberYear(int Member, short Year, int Loans, int Renewals, int Events, int Wifi, int Digital, int Used, int Borrowed, int Evented, int WifiMonths, int DigitalMonths)
{
    public void Add(FactKind kind, int n, int monthBit)
    {
        if (!UseKinds.Contains(kind))
        {
            return;
        }

        Used |= monthBit;
        switch (kind)
        {
            case FactKind.Loan:
                Loans += n;
                Borrowed |= monthBit;
                break;
            case FactKind.Renewal:
                Renewals += n;
                Borrowed |= monthBit;
                break;
            case FactKind.EventAttendance:
                Events += n;
                Evented |= monthBit;
                break;
            case FactKind.WifiSession:
                Wifi += n;
                WifiMonths |= monthBit;
                break;
            case FactKind.DigitalLoan:
                Digital += n;
                DigitalMonths |= monthBit;
                break;
        }
    }
}
