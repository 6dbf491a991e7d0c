using Medlem.Core.Data;
using Medlem.Core.Privacy.Erasure;
using Medlem.Core.Privacy.Retention;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Restriction;

/// <summary>
/// Completes erasures that waited for a legal hold: a membership restricted as
/// <see cref="ProcessingLimit.ErasurePending"/> whose holds are all settled is erased in the nightly run.
/// </summary>
public sealed class PendingErasureRetention(MedlemDbContext db, ErasePerson erasure) : IRetentionRule
{
    public string Key => "pending-erasures";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        var libraryId = scope.Library.Id;
        var ready = await db.Memberships.AsNoTracking()
            .Where(m => m.LibraryId == libraryId && m.Limit == ProcessingLimit.ErasurePending
                && !db.LegalHolds.Any(h => h.MembershipId == m.Id && h.SettledAt == null))
            .Select(m => m.PersonId).Distinct().ToListAsync(ct);
        if (scope.DryRun)
        {
            return ready.Count;
        }

        var erased = 0;
        foreach (var person in ready)
        {
            erased += (await erasure.RunAsync(libraryId, person, ct)).Status == ErasureStatus.Erased ? 1 : 0;
        }

        return erased;
    }
}
