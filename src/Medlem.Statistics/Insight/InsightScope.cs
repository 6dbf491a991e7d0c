namespace Medlem.Statistics.Insight;

/// <summary>
/// Whose figures: one library (or the whole consortium when <see cref="LibraryId"/> is null),
/// narrowed to members of a home branch, an age band on the period's last day, or a membership
/// type. The groups of members are taken on the period's last day.
/// </summary>
public sealed record InsightScope(short? LibraryId, short? BranchId = null, AgeBand? AgeBand = null, short? MembershipTypeId = null)
{
    /// <summary>True when the scope narrows members by who they are, so figures about non-members (unknown devices, anonymous head counts) do not apply.</summary>
    public bool NarrowsMembers => AgeBand is not null || MembershipTypeId is not null;
}

/// <summary>The loan intensity buckets' lower edges (DESIGN.md §6): 0, 1–3, 4–10, 11–50, over 50 by default.</summary>
public sealed record LoanBuckets(IReadOnlyList<int> LowerEdges)
{
    public static LoanBuckets Default { get; } = new([0, 1, 4, 11, 51]);

    /// <summary>Edges must start at 0 and rise; anything else is a configuration error.</summary>
    public static LoanBuckets Of(IReadOnlyList<int> edges)
    {
        if (edges.Count == 0 || edges[0] != 0 || edges.Zip(edges.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Loan bucket edges must start at 0 and rise, e.g. 0, 1, 4, 11, 51.", nameof(edges));
        }

        return new(edges);
    }

    /// <summary>The last loan count of bucket <paramref name="index"/>; null for the open last bucket.</summary>
    public int? UpperOf(int index) => index + 1 < LowerEdges.Count ? LowerEdges[index + 1] - 1 : null;
}
