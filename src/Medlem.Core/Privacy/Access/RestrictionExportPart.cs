using System.Globalization;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Access;

/// <summary>Limits on the processing of the person's memberships, and what the library holds them for (unpaid fees, open loans).</summary>
public sealed class RestrictionExportPart(MedlemDbContext db) : IAccessExportPart
{
    public async Task<AccessExportSection> ContributeAsync(AccessExportSubject subject, CancellationToken ct)
    {
        var limits = await db.Memberships.AsNoTracking()
            .Where(m => subject.MembershipIds.Contains(m.Id) && m.Limit != Restriction.ProcessingLimit.None)
            .Select(m => new { m.Id, m.Limit, m.LimitedAt }).ToListAsync(ct);
        var holds = await db.LegalHolds.AsNoTracking().Where(h => subject.MembershipIds.Contains(h.MembershipId)).OrderBy(h => h.Id).ToListAsync(ct);
        return new("restrictions", "recorded", null,
        [
            .. limits.Select(l => ConsentExportPart.Entry(
                ("membership", l.Id.ToString()), ("limit", l.Limit.ToString()), ("since", l.LimitedAt is { } at ? ConsentExportPart.Instant(at) : null))),
            .. holds.Select(h => ConsentExportPart.Entry(
                ("membership", h.MembershipId.ToString()), ("hold", h.Kind.ToString()), ("reference", h.Reference),
                ("amount", h.Amount?.ToString("0.00", CultureInfo.InvariantCulture)), ("recorded", ConsentExportPart.Instant(h.CreatedAt)),
                ("settled", h.SettledAt is { } settled ? ConsentExportPart.Instant(settled) : null))),
        ]);
    }
}
