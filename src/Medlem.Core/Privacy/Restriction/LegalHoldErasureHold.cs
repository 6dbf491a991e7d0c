using System.Globalization;
using Medlem.Core.Data;
using Medlem.Core.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Restriction;

/// <summary>Open legal holds of the library keep a membership from being erased until they are settled.</summary>
public sealed class LegalHoldErasureHold(MedlemDbContext db) : IErasureHold
{
    public async Task<IReadOnlyList<ErasureHoldReason>> HoldsAsync(int libraryId, Guid personId, IReadOnlyList<Guid> membershipIds, CancellationToken ct)
    {
        var open = await db.LegalHolds.AsNoTracking()
            .Where(h => h.LibraryId == libraryId && membershipIds.Contains(h.MembershipId) && h.SettledAt == null)
            .OrderBy(h => h.Id)
            .ToListAsync(ct);
        return open.Select(h => new ErasureHoldReason(
            h.Kind == LegalHoldKind.UnpaidFee ? "erasure.hold.fee" : "erasure.hold.loan",
            h.Amount is { } amount ? $"{h.Reference} ({amount.ToString("N2", CultureInfo.GetCultureInfo("nb-NO"))} kr)" : h.Reference)).ToList();
    }
}
