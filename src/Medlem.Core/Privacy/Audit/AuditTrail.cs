using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Audit;

/// <summary>The staff member who read: their library and account.</summary>
public sealed record AuditActor(int LibraryId, int StaffAccountId);

/// <summary>Whose data was read: the person, and the membership of the reader's library when there is one.</summary>
public sealed record AuditSubject(Guid PersonId, Guid? MembershipId)
{
    /// <summary>The person read, with their newest membership of the reader's library (the view holds only those).</summary>
    public static AuditSubject Of(MemberView view) => new(view.PersonId, view.Memberships.Count > 0 ? view.Memberships[0].MembershipId : null);

    public static IEnumerable<AuditSubject> Of(IEnumerable<MemberHit> hits) => hits.Select(h => new AuditSubject(h.PersonId, null));
}

/// <summary>
/// Appends entries to the audit trail of staff reads of identified member data (DESIGN.md §4).
/// Scoped: one per request, which writes at most one entry per person however often the request
/// reads them. Callers record before they show the data, and after saving their own changes
/// (recording saves the context, and refuses to when something else is pending in it).
/// </summary>
/// <remarks>
/// Why appends stay linear: each append reads the chain's last entry and inserts the next
/// sequence number, whose primary key the database holds unique. Two appenders that read the
/// same last entry, in one process or in two web instances on one PostgreSQL database, cannot
/// both insert: the loser's save fails, it sees that the chain moved, and it tries again on the
/// new last entry. So the database alone guarantees a chain without forks or gaps, on both
/// providers and without provider-specific locking SQL. The process-wide
/// <see cref="AuditAppendLock"/> only keeps one instance's own requests from racing (and
/// retrying) against each other; it is an optimisation, not the guarantee. A chain-head row
/// updated in the same transaction would give the same guarantee with an extra write per append.
/// </remarks>
public sealed class AuditTrail(MedlemDbContext db, TimeProvider clock, AuditAppendLock appendLock)
{
    private const int MaxAttempts = 50;

    private readonly HashSet<Guid> _recorded = [];

    public Task RecordAsync(AuditActor actor, AuditAction action, string purpose, AuditSubject subject, CancellationToken ct) =>
        RecordAsync(actor, action, purpose, [subject], ct);

    /// <summary>Appends one entry per subject not yet recorded in this scope, in one transaction.</summary>
    public async Task RecordAsync(AuditActor actor, AuditAction action, string purpose, IEnumerable<AuditSubject> subjects, CancellationToken ct)
    {
        if (!AuditPurposes.All.Contains(purpose))
        {
            throw new ArgumentException("Not a purpose of AuditPurposes.", nameof(purpose));
        }

        var pending = subjects.DistinctBy(s => s.PersonId).Where(s => !_recorded.Contains(s.PersonId)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Save the request's own changes before recording an audit entry.");
        }

        await appendLock.WaitAsync(ct);
        try
        {
            await AppendAsync(actor, action, purpose, pending, ct);
        }
        finally
        {
            appendLock.Release();
        }

        _recorded.UnionWith(pending.Select(s => s.PersonId));
    }

    private async Task AppendAsync(AuditActor actor, AuditAction action, string purpose, List<AuditSubject> subjects, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await HeadAsync(ct);
            var at = AuditHash.Instant(clock.GetUtcNow());
            var previous = head?.Hash ?? AuditHash.Genesis;
            var sequence = head?.Sequence ?? 0;
            var entries = new List<AuditEntry>(subjects.Count);
            foreach (var subject in subjects)
            {
                var salt = AuditHash.NewSalt();
                var entry = new AuditEntry
                {
                    Sequence = ++sequence, At = at, LibraryId = actor.LibraryId, StaffAccountId = actor.StaffAccountId,
                    PersonId = subject.PersonId, MembershipId = subject.MembershipId, SubjectSalt = salt,
                    SubjectDigest = AuditHash.SubjectDigest(salt, subject.PersonId, subject.MembershipId),
                    Action = action, Purpose = purpose, PreviousHash = previous, Hash = "",
                };
                entry.Hash = previous = AuditHash.Of(entry);
                entries.Add(entry);
            }

            db.AuditEntries.AddRange(entries);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another appender took the next sequence number first: if the chain moved, go
                // again on its new head; anything else is a real failure.
                var now = await HeadAsync(ct);
                if (now?.Sequence == head?.Sequence)
                {
                    throw;
                }

                // Real time, not the injected clock: a test's frozen clock must not stall the retry.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), ct);
            }
            finally
            {
                foreach (var entry in entries)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }
            }
        }
    }

    private Task<ChainHead?> HeadAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new ChainHead(e.Sequence, e.Hash))
            .FirstOrDefaultAsync(ct);

    private sealed record ChainHead(long Sequence, string Hash);
}

/// <summary>Serialises one process's audit appends (see <see cref="AuditTrail"/>'s remarks). A singleton.</summary>
public sealed class AuditAppendLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task WaitAsync(CancellationToken ct) => _gate.WaitAsync(ct);

    public void Release() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
