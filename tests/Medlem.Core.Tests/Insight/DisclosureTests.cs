using Medlem.Core.Insight;
using Xunit;

namespace Medlem.Core.Tests.Insight;

// DESIGN.md §4 and the insight issue: every count of fewer than k people is suppressed, with secondary
// suppression so a suppressed cell cannot be recovered from row or column totals. The attacker in these tests
// knows every shown figure and every stated sum, and solves for the hidden cells.
public sealed class DisclosureTests
{
    [Fact]
    public void CountsUnderK_AreHidden_ZeroAndKAreShown()
    {
        var d = new Disclosure(5);
        var cells = new[] { 0L, 1, 4, 5, 120 }.Select(d.Count).ToList();
        d.Apply();
        Assert.Equal([0L, null, null, 5, 120], cells.Select(c => c.Shown));
    }

    [Fact]
    public void OneHiddenPartOfAShownTotal_TakesTheSmallestOtherPartWithIt()
    {
        // Registered 100 = active 97 + passive 3: passive is under k; active would give it away (100 − 97).
        var d = new Disclosure(5);
        var registered = d.Count(100);
        var active = d.Count(97);
        var passive = d.Count(3);
        d.Sum(registered, active, passive);
        d.Apply();
        Assert.Equal(100, registered.Shown);
        Assert.True(active.Suppressed);
        Assert.True(passive.Suppressed);
    }

    [Fact]
    public void ABranchTable_CannotBeSolvedForAHiddenCell_ByRowsOrColumns()
    {
        // Three branches, each registered = active + passive, and the library's totals of each column shown.
        //            registered  active  passive
        // Madla           40        37       3   ← passive 3 is under k
        // Tasta           60        50      10
        // Hundvåg         25        20       5
        // Library        125       107      18
        var d = new Disclosure(5);
        var rows = new[] { (40L, 37L), (60L, 50L), (25L, 20L) }
            .Select(r => (Registered: d.Count(r.Item1), Active: d.Count(r.Item2), Passive: d.Count(r.Item1 - r.Item2))).ToList();
        var total = (Registered: d.Count(125), Active: d.Count(107), Passive: d.Count(18));
        foreach (var r in rows)
        {
            d.Sum(r.Registered, r.Active, r.Passive);
        }

        d.Sum(total.Registered, total.Active, total.Passive);
        d.Sum(total.Registered, rows.Select(r => r.Registered));
        d.Sum(total.Active, rows.Select(r => r.Active));
        d.Sum(total.Passive, rows.Select(r => r.Passive));
        d.Apply();

        Assert.True(rows[0].Passive.Suppressed);
        var cells = rows.SelectMany(r => new[] { r.Registered, r.Active, r.Passive }).Concat([total.Registered, total.Active, total.Passive]).ToList();
        var sums = rows.Select(r => new[] { r.Registered, r.Active, r.Passive })
            .Append([total.Registered, total.Active, total.Passive])
            .Append([total.Registered, .. rows.Select(r => r.Registered)])
            .Append([total.Active, .. rows.Select(r => r.Active)])
            .Append([total.Passive, .. rows.Select(r => r.Passive)])
            .ToList();
        Assert.Null(Recover(rows[0].Passive, cells, sums));
        Assert.All(cells.Where(c => c.Suppressed), c => Assert.Null(Recover(c, cells, sums)));
    }

    [Fact]
    public void AHiddenTotal_IsNotLeftAloneBesideShownParts()
    {
        // A month's registered 4 (under k) = active 0 + passive 4: the passive 4 is itself under k, and the zero
        // tells nothing more; nothing shown adds up to a hidden cell.
        var d = new Disclosure(5);
        var registered = d.Count(4);
        var active = d.Count(0);
        var passive = d.Count(4);
        d.Sum(registered, active, passive);
        d.Apply();
        Assert.True(registered.Suppressed);
        Assert.True(passive.Suppressed);
        Assert.Equal(0, active.Shown);
    }

    /// <summary>
    /// The attacker: repeatedly uses every sum with exactly one unknown cell to solve it. Returns the value
    /// found for <paramref name="target"/>, or null when it stays unknown.
    /// </summary>
    private static long? Recover(PeopleCount target, List<PeopleCount> cells, List<PeopleCount[]> sums)
    {
        var known = cells.Where(c => !c.Suppressed).ToDictionary(c => c.Index, c => c.Value);
        bool progress;
        do
        {
            progress = false;
            foreach (var sum in sums)
            {
                var unknown = sum.Where(c => !known.ContainsKey(c.Index)).ToList();
                if (unknown.Count != 1)
                {
                    continue;
                }

                var u = unknown[0];
                var total = sum[0];
                known[u.Index] = u.Index == total.Index
                    ? sum.Skip(1).Sum(c => known[c.Index])
                    : known[total.Index] - sum.Skip(1).Where(c => c.Index != u.Index).Sum(c => known[c.Index]);
                progress = true;
            }
        }
        while (progress);
        return known.TryGetValue(target.Index, out var value) ? value : null;
    }
}
