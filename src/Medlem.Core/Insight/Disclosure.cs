namespace Medlem.Core.Insight;

/// <summary>
/// Disclosure control for one set of figures shown together (DESIGN.md §4; issue "Insight"):
/// every count of people under k is suppressed (primary suppression; zero is shown), and
/// wherever counts add up — a total and its parts, in a table's rows and columns — a group never
/// has exactly one suppressed cell, because that one could be recovered by subtraction
/// (secondary suppression: the smallest other non-zero cell of the group is hidden too, repeated
/// until every group is safe). Counts that are not of people (loans, door counts) are not registered here.
/// </summary>
public sealed class Disclosure(int threshold)
{
    private readonly List<long> _values = [];
    private readonly List<bool> _suppressed = [];
    private readonly List<int[]> _sums = [];
    private bool _applied;

    public int Threshold { get; } = threshold;

    /// <summary>Registers a count of people; the handle reads the outcome after <see cref="Apply"/>.</summary>
    public PeopleCount Count(long value)
    {
        if (_applied)
        {
            throw new InvalidOperationException("Register every count before applying the rules.");
        }

        _values.Add(value);
        _suppressed.Add(false);
        return new PeopleCount(this, _values.Count - 1);
    }

    /// <summary>States that <paramref name="total"/> is the sum of <paramref name="parts"/> (an attacker can add them up).</summary>
    public void Sum(PeopleCount total, params IEnumerable<PeopleCount> parts) =>
        _sums.Add([total.Index, .. parts.Select(p => p.Index)]);

    /// <summary>Applies primary and then secondary suppression until no group has a single hidden cell.</summary>
    public void Apply()
    {
        for (var i = 0; i < _values.Count; i++)
        {
            _suppressed[i] = _values[i] > 0 && _values[i] < Threshold;
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var group in _sums)
            {
                if (group.Count(i => _suppressed[i]) != 1)
                {
                    continue;
                }

                // Prefer a part over the total (the total is usually the figure people came for), and a
                // non-zero cell over a zero (hiding a zero that the others reveal as zero protects nothing).
                var candidate = group.Skip(1).Where(i => !_suppressed[i]).OrderBy(i => _values[i] == 0).ThenBy(i => _values[i]).FirstOrDefault(-1);
                if (candidate < 0 || _values[candidate] == 0)
                {
                    candidate = _suppressed[group[0]] ? candidate : group[0];
                }

                if (candidate >= 0)
                {
                    _suppressed[candidate] = true;
                    changed = true;
                }
            }
        }
        while (changed);
        _applied = true;
    }

    internal long ValueOf(int index) => _values[index];

    internal bool IsSuppressed(int index) => _applied ? _suppressed[index] : throw new InvalidOperationException("Apply the rules first.");
}

/// <summary>A registered count of people: its value, and whether it may be shown.</summary>
public readonly record struct PeopleCount(Disclosure Owner, int Index)
{
    public long Value => Owner.ValueOf(Index);

    public bool Suppressed => Owner.IsSuppressed(Index);

    /// <summary>The count, or null when it must not be shown.</summary>
    public long? Shown => Suppressed ? null : Value;
}
