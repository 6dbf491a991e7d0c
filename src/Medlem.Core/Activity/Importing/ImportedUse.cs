using Medlem.Statistics;

namespace Medlem.Core.Activity.Importing;

/// <summary>
/// What an import's own facts give each member's activity summary (the last day of recorded use,
/// loans in the twelve months), gathered while the facts are applied in file order. The summary
/// then asks the store only for the library's other facts instead of grouping all of them again
/// (<see cref="ActivitySummaryRefresh"/>). It describes the facts as written: when the commit
/// removes repeats, the store is asked for everything instead.
/// </summary>
internal sealed class ImportedUse(DateOnly today)
{
    private readonly int _periodStart = ActivitySummaryRefresh.PeriodStart(today).DayNumber;

    // By member number (dense from 1): the day number + 1 of the last use (0: none), loans in the period.
    private int[] _lastUse = new int[1024];
    private int[] _loans = new int[1024];
    private bool[] _any = new bool[1024];
    private readonly List<int> _members = [];

    public void Add(ReadOnlySpan<Fact> facts)
    {
        foreach (ref readonly var f in facts)
        {
            if (f.Match != MatchKind.Member)
            {
                continue;
            }

            var m = f.Member!.Value;
            if (m >= _any.Length)
            {
                var size = Math.Max(m + 1, _any.Length * 2);
                Array.Resize(ref _lastUse, size);
                Array.Resize(ref _loans, size);
                Array.Resize(ref _any, size);
            }

            if (!_any[m])
            {
                _any[m] = true;
                _members.Add(m);
            }

            if (IsUse(f.Kind))
            {
                _lastUse[m] = Math.Max(_lastUse[m], f.Day.DayNumber + 1);
            }

            if (f.Kind == FactKind.Loan && f.Day.DayNumber >= _periodStart)
            {
                _loans[m]++;
            }
        }
    }

    /// <summary>The members with facts in the import.</summary>
    public HashSet<int> Members => [.. _members];

    /// <summary>A member's last day of use and loans in the period, from the import's facts alone.</summary>
    public (DateOnly? LastUsed, int Loans) Of(int member) =>
        member < _any.Length ? (_lastUse[member] == 0 ? null : DateOnly.FromDayNumber(_lastUse[member] - 1), _loans[member]) : (null, 0);

    /// <summary>Recorded use (DESIGN.md §6, <see cref="UseKinds"/>): every kind but returns and local use.</summary>
    private static bool IsUse(FactKind kind) => kind is not (FactKind.Return or FactKind.LocalUse);
}
