using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Erasure;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Restriction;

/// <summary>
/// Restriction (GDPR art. 18), objection to statistics (art. 21) and legal holds, for one
/// library's memberships. Staff act on a member's request; the library system reports holds.
/// </summary>
public sealed class Restrictions(MedlemDbContext db, StatisticsStore store, ErasePerson erasure, TimeProvider clock)
{
    /// <summary>Restricts or records an objection. An erasure waiting for a hold is not changed here.</summary>
    public async Task<Outcome<Membership>> LimitAsync(int libraryId, Guid membershipId, ProcessingLimit limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var membership = await FindAsync(libraryId, membershipId, ct);
        if (membership is null)
        {
            return Outcome<Membership>.Missing();
        }

        if (limit is not (ProcessingLimit.Restricted or ProcessingLimit.ObjectedToStatistics))
        {
            errors.Add(nameof(limit), "limit.not-allowed");
        }
        else if (membership.Limit == ProcessingLimit.ErasurePending)
        {
            errors.Add(nameof(limit), "limit.erasure-pending");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<Membership>.Invalid(errors);
        }

        if (limit == ProcessingLimit.ObjectedToStatistics && membership.Limit != ProcessingLimit.ObjectedToStatistics)
        {
            await PseudonymRotation.RotateAsync(store, libraryId, [membership], ct);
        }

        membership.Limit = limit;
        membership.LimitedAt = clock.GetUtcNow();
        membership.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<Membership>.Success(membership);
    }

    /// <summary>Lifts a restriction or withdraws an objection; an erasure waiting for a hold cannot be lifted.</summary>
    public async Task<Outcome<Membership>> LiftAsync(int libraryId, Guid membershipId, CancellationToken ct)
    {
        var membership = await FindAsync(libraryId, membershipId, ct);
        if (membership is null)
        {
            return Outcome<Membership>.Missing();
        }

        if (membership.Limit == ProcessingLimit.ErasurePending)
        {
            var errors = new ValidationErrors();
            errors.Add("limit", "limit.erasure-pending");
            return Outcome<Membership>.Invalid(errors);
        }

        membership.Limit = ProcessingLimit.None;
        membership.LimitedAt = null;
        membership.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<Membership>.Success(membership);
    }

    public async Task<Outcome<LegalHold>> AddHoldAsync(int libraryId, Guid membershipId, LegalHoldKind kind, string? reference, decimal? amount, CancellationToken ct)
    {
        if (await FindAsync(libraryId, membershipId, ct) is null)
        {
            return Outcome<LegalHold>.Missing();
        }

        var errors = new ValidationErrors();
        var cleanReference = reference?.Trim();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(nameof(kind), "hold.kind");
        }

        if (string.IsNullOrEmpty(cleanReference) || cleanReference.Length > 100)
        {
            errors.Add(nameof(reference), "hold.reference");
        }

        if (amount is < 0 or > 1_000_000)
        {
            errors.Add(nameof(amount), "hold.amount");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<LegalHold>.Invalid(errors);
        }

        var hold = new LegalHold { LibraryId = libraryId, MembershipId = membershipId, Kind = kind, Reference = cleanReference!, Amount = amount, CreatedAt = clock.GetUtcNow() };
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(ct);
        return Outcome<LegalHold>.Success(hold);
    }

    /// <summary>
    /// Settles a hold. When it was the last one of a membership waiting for erasure, the erasure is
    /// completed now (the nightly retention run would otherwise do it).
    /// </summary>
    public async Task<Outcome<LegalHold>> SettleHoldAsync(int libraryId, long holdId, CancellationToken ct)
    {
        var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == holdId && h.LibraryId == libraryId, ct);
        if (hold is null)
        {
            return Outcome<LegalHold>.Missing();
        }

        hold.SettledAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var membership = await db.Memberships.AsNoTracking().SingleAsync(m => m.Id == hold.MembershipId, ct);
        if (membership.Limit == ProcessingLimit.ErasurePending)
        {
            await erasure.RunAsync(libraryId, membership.PersonId, ct);
        }

        return Outcome<LegalHold>.Success(hold);
    }

    private Task<Membership?> FindAsync(int libraryId, Guid membershipId, CancellationToken ct) =>
        db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.LibraryId == libraryId, ct);
}
