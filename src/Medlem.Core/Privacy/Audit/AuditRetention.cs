using Medlem.Core.Data;
using Medlem.Core.Privacy.Retention;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Audit;

/// <summary>
/// Cuts audit entries older than the retention period from the start of the chain, and moves the
/// chain's anchor to the last entry cut, so what is left still verifies. The chain is one for the
/// consortium, so the cut follows the longest period any library keeps (a library with a shorter
/// one keeps its entries longer than it must, never shorter). A broken chain is never cut: that
/// would hide the break. The newest entry always stays, so appending needs no anchor.
/// </summary>
public sealed class AuditRetention(MedlemDbContext db, AuditChain chain, RetentionOptions options) : IRetentionRule
{
    public string Key => "audit-trail";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        var years = options.Libraries.Values.Select(p => p.AuditYears).Append(options.Defaults.AuditYears).Max();
        var cutoff = scope.Now.AddYears(-years);
        var last = await LastBeforeAsync(cutoff, ct);
        var anchor = await db.AuditAnchors.SingleOrDefaultAsync(ct);
        var first = (anchor?.Sequence ?? 0) + 1;
        if (last is null || last < first)
        {
            return 0;
        }

        if (scope.DryRun)
        {
            return last.Value - first + 1;
        }

        var verification = await chain.VerifyAsync(ct);
        if (!verification.Intact)
        {
            throw new InvalidOperationException($"The audit trail is broken at entry {verification.BrokenAt} ({verification.Break}); nothing was cut.");
        }

        var hash = await db.AuditEntries.Where(e => e.Sequence == last).Select(e => e.Hash).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.AuditEntries.Where(e => e.Sequence <= last).ExecuteDeleteAsync(ct);
        if (anchor is null)
        {
            db.AuditAnchors.Add(new AuditAnchor { Sequence = last.Value, Hash = hash, CutAt = scope.Now });
        }
        else
        {
            (anchor.Sequence, anchor.Hash, anchor.CutAt) = (last.Value, hash, scope.Now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return removed;
    }

    /// <summary>
    /// The last entry written before <paramref name="cutoff"/>, never the head. Entries are written in
    /// time order, so a binary search over sequence numbers finds it with a few point reads (SQLite
    /// cannot compare stored instants in SQL, and the trail may hold millions of entries).
    /// </summary>
    private async Task<long?> LastBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var bounds = await db.AuditEntries.GroupBy(_ => 1).Select(g => new { Low = g.Min(e => e.Sequence), High = g.Max(e => e.Sequence) }).SingleOrDefaultAsync(ct);
        if (bounds is null || bounds.Low == bounds.High)
        {
            return null;
        }

        long low = bounds.Low, high = bounds.High - 1;
        long? found = null;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var at = await db.AuditEntries.Where(e => e.Sequence == middle).Select(e => e.At).SingleAsync(ct);
            if (at < cutoff)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
