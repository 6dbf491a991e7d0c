using Medlem.Statistics;

namespace Medlem.Core.Activity.Importing;

/// <summary>
/// What an import's own facts give each member's activity summary (the last day of recorded use,
/// loans in the twelve months), gathered as the facts are applied. The summary then
/// asks the store only for the library's other facts instead of grouping all of them again
/// (<see cref="ActivitySummaryRefresh"/>). It describes the facts as written: when the commit removes
/// repeats, the store is asked for everything instead.
/// </summary>
internal sealed class ImportedUse(DateOnly today)
{
    private readonly int _periodStart = ActivitySummaryRefresh.PeriodStart(today).DayNumber;

    // By member number (dense from 1): one place per member, so a fact touches one cache line.
    private Figures[] _figures = new Figures[1024];

    private struct Figures
    {
        public bool Any;
        public int LastUse; // day number + 1 of the last use; 0: none
        public int Loans;   // in the period
    }

    /// <summary>Takes in facts in a loop of their own: its misses on the figures overlap, where inside the mapping of a row each stalled it.</summary>
    public void Add(ReadOnlySpan<Fact> facts)
    {
        foreach (ref readonly var f in facts)
        {
            if (f.Match != MatchKind.Member)
            {
                continue;
            }

            var m = f.Member!.Value;
            if (m >= _figures.Length)
            {
                Array.Resize(ref _figures, Math.Max(m + 1, _figures.Length * 2));
            }

            ref var figures = ref _figures[m];
            figures.Any = true;
            if (UseKinds.Contains(f.Kind))
            {
                figures.LastUse = Math.Max(figures.LastUse, f.Day.DayNumber + 1);
            }

            if (f.Kind == FactKind.Loan && f.Day.DayNumber >= _periodStart)
            {
                figures.Loans++;
            }
        }
    }

    /// <summary>The members with facts in the import.</summary>
    public HashSet<int> Members
    {
        get
        {
            var members = new HashSet<int>();
            for (var m = 0; m < _figures.Length; m++)
            {
                if (_figures[m].Any)
                {
                    members.Add(m);
                }
            }

            return members;
        }
    }

    /// <summary>A member's last day of use and loans in the period, from the import's facts alone.</summary>
    public (DateOnly? LastUsed, int Loans) Of(int member) =>
        member < _figures.Length && _figures[member] is { Any: true } f ? (f.LastUse == 0 ? null : DateOnly.FromDayNumber(f.LastUse - 1), f.Loans) : (null, 0);
}
