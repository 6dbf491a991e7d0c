using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Audit;

/// <summary>Why verification stopped at an entry.</summary>
public enum AuditBreak
{
    None = 0,

    /// <summary>The sequence number jumps: the entry with the expected number is gone.</summary>
    Missing = 1,

    /// <summary>The entry does not point at the hash of the entry before it: inserted, moved, or its predecessor removed.</summary>
    NotLinked = 2,

    /// <summary>The subject ids do not give the entry's subject digest: person or membership changed.</summary>
    SubjectChanged = 3,

    /// <summary>The entry's fields do not give its hash: a field was changed.</summary>
    Changed = 4,
}

/// <summary>
/// The outcome of <see cref="AuditChain.VerifyAsync"/>: the entries checked, and where and why
/// the chain first broke. <see cref="Head"/> is the last entry's hash; written down elsewhere
/// (a ticket, a printout), it shows later that nothing was cut from the end, which the chain
/// alone cannot show. <see cref="FirstSequence"/> is where verification began: 1, or the entry
/// after the anchor retention left.
/// </summary>
public sealed record AuditVerification(long Entries, long? BrokenAt, AuditBreak Break, long LastSequence, string Head, long FirstSequence = 1)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// Recomputes the audit chain, oldest first, from the genesis or from the anchor retention left
/// (<see cref="AuditAnchor"/>), and reports the first entry that does not fit.
/// </summary>
public sealed class AuditChain(MedlemDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var anchor = await db.AuditAnchors.AsNoTracking().SingleOrDefaultAsync(ct);
        long first = (anchor?.Sequence ?? 0) + 1, expected = first, checkedEntries = 0;
        var previous = anchor?.Hash ?? AuditHash.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var broken = Check(entry, expected, previous);
            if (broken != AuditBreak.None)
            {
                return new AuditVerification(checkedEntries, expected, broken, expected - 1, previous, first);
            }

            checkedEntries++;
            expected++;
            previous = entry.Hash;
        }

        return new AuditVerification(checkedEntries, null, AuditBreak.None, expected - 1, previous, first);
    }

    private static AuditBreak Check(AuditEntry entry, long expected, string previous)
    {
        if (entry.Sequence != expected)
        {
            return AuditBreak.Missing;
        }

        if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
        {
            return AuditBreak.NotLinked;
        }

        // An erased entry has neither salt nor ids; its digest is then taken as stored.
        var erased = entry.SubjectSalt is null && entry.PersonId is null && entry.MembershipId is null;
        if (!erased && (entry.SubjectSalt is null || entry.PersonId is null
            || !string.Equals(AuditHash.SubjectDigest(entry.SubjectSalt, entry.PersonId.Value, entry.MembershipId), entry.SubjectDigest, StringComparison.Ordinal)))
        {
            return AuditBreak.SubjectChanged;
        }

        return string.Equals(AuditHash.Of(entry), entry.Hash, StringComparison.Ordinal) ? AuditBreak.None : AuditBreak.Changed;
    }
}
