using Medlem.Core.Activity.Importing;
using Medlem.Core.Members;
using Medlem.Statistics;
using Medlem.Statistics.Privacy;

namespace Medlem.Core.Privacy.Restriction;

/// <summary>
/// Gives memberships new pseudonyms and breaks the old ones' link in the statistics store: the
/// facts so far stay, counted and anonymous, and nothing leads from them to the member any more.
/// Used when a member objects to statistics and when an erasure must wait for a legal hold.
/// </summary>
public static class PseudonymRotation
{
    /// <summary>The caller saves the register afterwards; until then the store has simply forgotten the old pseudonyms.</summary>
    public static async Task RotateAsync(StatisticsStore store, int libraryId, IReadOnlyList<Membership> memberships, CancellationToken ct)
    {
        var old = memberships.Select(m => m.Pseudonym).ToList();
        // Imports and roster copies would give a pseudonym still in the register a number again.
        await ActivityImporter.OneAtATime.WaitAsync(ct);
        try
        {
            await using var connection = await store.OpenAsync(ct);
            await MemberLinks.BreakAsync(connection, (short)libraryId, old, ct);
        }
        finally
        {
            ActivityImporter.OneAtATime.Release();
        }

        foreach (var membership in memberships)
        {
            membership.Pseudonym = Guid.NewGuid();
        }
    }
}
