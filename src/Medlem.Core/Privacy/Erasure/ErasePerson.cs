using Medlem.Core.Activity.Importing;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Access;
using Medlem.Statistics;
using Medlem.Statistics.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Erasure;

/// <summary>
/// Erases a person from one library's controllership (GDPR art. 17): that library's memberships of
/// the person with their cards and library-system ids; the person's own row, contact points and
/// guardianships too when no library still holds a membership of them and no child with a membership
/// needs them as guardian (otherwise they stay, for the other controller). The pseudonym link of
/// each erased membership is broken in the statistics store, so the facts stay, anonymous, and every
/// figure stays true. Rejected import rows that hold the mask of one of the person's identifiers are
/// redacted. The library system's ids and card numbers are handed back as an
/// <see cref="ErasureInstruction"/> and posted to the library's webhook; nothing of it is kept.
/// </summary>
/// <remarks>
/// Callers MUST have checked that the staff member handles privacy requests, and SHOULD have
/// verified the person's identity and request. Not reversible.
/// </remarks>
public sealed class ErasePerson(MedlemDbContext db, StatisticsStore store, TimeProvider clock, IEnumerable<IErasureHold> holds, ErasureWebhook webhook)
{
    public const string Redacted = "[slettet]";

    public async Task<ErasureOutcome> RunAsync(int libraryId, Guid personId, CancellationToken ct)
    {
        var person = await db.VisibleTo(libraryId)
            .Include(p => p.ContactPoints)
            .Include(p => p.Memberships.Where(m => m.LibraryId == libraryId)).ThenInclude(m => m.Cards)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null || person.Memberships.Count == 0)
        {
            // A guardian without a membership here is this library's data only through the child: nothing of theirs to erase.
            return ErasureOutcome.NotFound;
        }

        var membershipIds = person.Memberships.Select(m => m.Id).ToList();
        var reasons = new List<ErasureHoldReason>();
        foreach (var hold in holds)
        {
            reasons.AddRange(await hold.HoldsAsync(libraryId, personId, membershipIds, ct));
        }

        if (reasons.Count > 0)
        {
            await RestrictUntilSettledAsync(libraryId, person.Memberships, ct);
            return new ErasureOutcome(ErasureStatus.Held, reasons, null);
        }

        // Imports and roster copies give pseudonyms still in the register a number in the store; kept
        // out until both stores are done, so none can re-link a membership being erased.
        await ActivityImporter.OneAtATime.WaitAsync(ct);
        ErasureResult result;
        try
        {
            result = await EraseAsync(libraryId, person, membershipIds, ct);
        }
        finally
        {
            ActivityImporter.OneAtATime.Release();
        }

        result = result with { Webhook = await webhook.SendAsync(result.Instruction, ct) };
        return new ErasureOutcome(ErasureStatus.Erased, [], result);
    }

    /// <summary>
    /// What must be kept is kept, and nothing more is done with it (art. 17(3), art. 18(2)): the
    /// memberships are restricted until the holds are settled, and their statistics link is broken
    /// now. Settling the last hold, or the nightly retention run, completes the erasure.
    /// </summary>
    private async Task RestrictUntilSettledAsync(int libraryId, List<Membership> memberships, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var newlyHeld = memberships.Where(m => m.Limit != Restriction.ProcessingLimit.ErasurePending).ToList();
        await Restriction.PseudonymRotation.RotateAsync(store, libraryId, newlyHeld, ct);
        foreach (var membership in newlyHeld)
        {
            membership.Limit = Restriction.ProcessingLimit.ErasurePending;
            membership.LimitedAt = now;
            membership.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<ErasureResult> EraseAsync(int libraryId, Person person, List<Guid> membershipIds, CancellationToken ct)
    {
        var library = await db.Libraries.AsNoTracking().Where(l => l.Id == libraryId).Select(l => l.Code).SingleAsync(ct);
        var identities = await db.SourceIdentities.Where(s => membershipIds.Contains(s.MembershipId)).ToListAsync(ct);
        var pseudonyms = person.Memberships.Select(m => m.Pseudonym).ToList();
        var instruction = new ErasureInstruction(
            library,
            clock.GetUtcNow(),
            identities.OrderBy(s => s.System).ThenBy(s => s.ExternalId, StringComparer.Ordinal)
                .Select(s => new ErasureInstructionId(s.System.ToString(), s.ExternalId)).ToList(),
            person.Memberships.SelectMany(m => m.Cards).Select(c => c.Number).Order(StringComparer.Ordinal).ToList());
        var masks = AccessExport.MasksOf(AccessExport.IdentifiersOf(person, identities.Select(s => s.ExternalId)));

        // Order, so that a crash at any point leaves no identifier behind that nothing can find again:
        // 1. the register's changes are written inside an open transaction (not yet visible);
        // 2. the statistics store's link is broken and committed;
        // 3. the register's transaction is committed.
        // A crash before 2 leaves both stores as they were. A crash between 2 and 3 rolls the register
        // back: the person is still there, with pseudonyms the store no longer knows (anonymous facts,
        // nothing identifying in the store), and erasing again finishes the job. The reverse order could
        // leave pseudonym rows in the store whose membership is gone from the register: nothing would
        // ever find them to delete.
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (sqlite)
        {
            // Deleted rows are overwritten with zeros instead of lingering in free pages of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", ct);
        }

        var redacted = masks.Count == 0 ? 0 : await db.ImportRowErrors
            .Where(e => e.Value != null && masks.Contains(e.Value) && db.ImportRuns.Any(r => r.Id == e.ImportRunId && r.LibraryId == libraryId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Value, Redacted), ct);
        db.SourceIdentities.RemoveRange(identities);
        db.Memberships.RemoveRange(person.Memberships); // cards and consent records cascade

        // The library's requests about the person stay as its record of what was done, naming no one;
        // its audit entries about the person lose their subject (the chain still verifies: AuditHash).
        await db.PrivacyRequests.Where(r => r.LibraryId == libraryId && r.PersonId == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonId, (Guid?)null).SetProperty(r => r.Description, (string?)null), ct);
        await db.AuditEntries.Where(e => e.LibraryId == libraryId && e.PersonId == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PersonId, (Guid?)null).SetProperty(e => e.MembershipId, (Guid?)null).SetProperty(e => e.SubjectSalt, (string?)null), ct);
        var personErased = !await db.Memberships.AnyAsync(m => m.PersonId == person.Id && !membershipIds.Contains(m.Id), ct)
            && !await db.Guardianships.AnyAsync(g => g.GuardianId == person.Id && db.Memberships.Any(m => m.PersonId == g.ChildId), ct);
        if (personErased)
        {
            await db.Guardianships.Where(g => g.GuardianId == person.Id).ExecuteDeleteAsync(ct);
            await db.ConsentRecords.Where(r => r.GuardianId == person.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.GuardianId, (Guid?)null), ct);
            db.People.Remove(person); // contact points and the guardianships as a child cascade
        }

        await db.SaveChangesAsync(ct);

        int broken;
        await using (var connection = await store.OpenAsync(ct))
        {
            broken = await MemberLinks.BreakAsync(connection, (short)libraryId, pseudonyms, ct);
        }

        await transaction.CommitAsync(ct);
        if (sqlite)
        {
            // The rollback journal or write-ahead log still holds the old pages until a checkpoint.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }

        return new ErasureResult(instruction, membershipIds.Count, personErased, broken, redacted, WebhookDelivery.NotConfigured);
    }
}

public enum ErasureStatus
{
    Erased = 0,

    /// <summary>Not visible to the library, or no membership of it to erase.</summary>
    NotFound = 1,

    /// <summary>
    /// Something the law requires to keep (<see cref="IErasureHold"/>): the memberships are restricted
    /// (<see cref="Restriction.ProcessingLimit.ErasurePending"/>) and erased when it is settled.
    /// </summary>
    Held = 2,
}

public sealed record ErasureOutcome(ErasureStatus Status, IReadOnlyList<ErasureHoldReason> Holds, ErasureResult? Result)
{
    public static readonly ErasureOutcome NotFound = new(ErasureStatus.NotFound, [], null);
}
