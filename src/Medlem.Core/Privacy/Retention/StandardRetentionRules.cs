using Medlem.Core.Data;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Privacy.Requests;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Retention;

/// <summary>
/// Titles are kept only while the member's reading-history consent counts: titles of every other
/// member of the library (a consent withdrawn elsewhere, a text changed materially, a member
/// erased) are deleted. The loans stay counted.
/// </summary>
public sealed class ReadingHistoryRetention(MedlemDbContext db, StatisticsStore store, ConsentTexts texts) : IRetentionRule
{
    public string Key => "reading-history";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        var keeping = await Consents.Consents.KeepingReadingHistoryAsync(db, texts, scope.Library.Id, ct);
        var pseudonyms = await db.Memberships.AsNoTracking().Where(m => keeping.Contains(m.Id)).Select(m => m.Pseudonym).ToListAsync(ct);
        await using var connection = await store.OpenAsync(ct);
        return await ReadingHistory.ForgetAllButAsync(connection, (short)scope.Library.Id, pseudonyms, scope.DryRun, ct);
    }
}

/// <summary>Closed data-subject requests are deleted when their record has been kept <see cref="RetentionPolicy.ClosedRequestYears"/> years.</summary>
public sealed class ClosedRequestRetention(MedlemDbContext db) : IRetentionRule
{
    public string Key => "closed-requests";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        // Instants are compared here, not in SQL: SQLite cannot compare them.
        var before = scope.Now.AddYears(-scope.Policy.ClosedRequestYears);
        var closed = await db.PrivacyRequests.AsNoTracking()
            .Where(r => r.LibraryId == scope.Library.Id && (r.Status == RequestStatus.Completed || r.Status == RequestStatus.Rejected))
            .Select(r => new { r.Id, r.ClosedAt }).ToListAsync(ct);
        var expired = closed.Where(r => r.ClosedAt < before).Select(r => r.Id).ToList();
        return scope.DryRun || expired.Count == 0 ? expired.Count : await db.PrivacyRequests.Where(r => expired.Contains(r.Id)).ExecuteDeleteAsync(ct);
    }
}

/// <summary>
/// A membership whose holder never had their identity verified (<see cref="Members.VerificationLevel.None"/>)
/// is erased <see cref="RetentionPolicy.UnverifiedSignUpDays"/> days after it was made, with the
/// person when nothing else keeps them (<see cref="Erasure.ErasePerson"/>, the same erasure as a
/// request). Only unverified memberships without any recorded use are taken.
/// </summary>
public sealed class UnverifiedSignUpRetention(MedlemDbContext db, Erasure.ErasePerson erase) : IRetentionRule
{
    public string Key => "unverified-sign-ups";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        // Instants are compared here, not in SQL: SQLite cannot compare them.
        var before = scope.Now.AddDays(-scope.Policy.UnverifiedSignUpDays);
        var unverified = await db.Memberships.AsNoTracking()
            .Where(m => m.LibraryId == scope.Library.Id && m.Verification == Members.VerificationLevel.None && m.LastUsedOn == null)
            .Select(m => new { m.PersonId, m.CreatedAt }).ToListAsync(ct);
        var expired = unverified.Where(m => m.CreatedAt < before).Select(m => m.PersonId).Distinct().ToList();
        if (scope.DryRun)
        {
            return expired.Count;
        }

        var erased = 0;
        foreach (var person in expired)
        {
            var outcome = await erase.RunAsync(scope.Library.Id, person, ct);
            erased += outcome.Status == Erasure.ErasureStatus.Erased ? 1 : 0;
        }

        return erased;
    }
}

/// <summary>
/// A guardian's link to a child ends when the child turns 15 (from then the child's membership no
/// longer waits for a guardian): the guardianship is deleted, and a guardian who is then nobody's
/// guardian and holds no membership anywhere is deleted as a person, with their contact points
/// (privacy issue: "guardians' data are removed when the child turns 15 unless still needed").
/// Consent records and approvals keep the fact that a guardian acted, not who.
/// </summary>
public sealed class GuardianRetention(MedlemDbContext db, TimeProvider clock) : IRetentionRule
{
    /// <summary>From this age a child's membership needs no guardian (personopplysningsloven § 5 and the membership rules).</summary>
    public const int GuardianUntilAge = 15;

    public string Key => "guardians";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var grownUp = today.AddYears(-GuardianUntilAge);
        var links = await db.Guardianships
            .Where(g => db.Memberships.Any(m => m.PersonId == g.ChildId && m.LibraryId == scope.Library.Id)
                && db.People.Any(p => p.Id == g.ChildId && p.BirthDate <= grownUp))
            .ToListAsync(ct);
        if (scope.DryRun || links.Count == 0)
        {
            return links.Count;
        }

        var guardians = links.Select(g => g.GuardianId).Distinct().ToList();
        db.Guardianships.RemoveRange(links);
        await db.SaveChangesAsync(ct);

        var unneeded = await db.People
            .Where(p => guardians.Contains(p.Id) && !db.Memberships.Any(m => m.PersonId == p.Id) && !db.Guardianships.Any(g => g.GuardianId == p.Id))
            .Select(p => p.Id).ToListAsync(ct);
        if (unneeded.Count > 0)
        {
            await db.ConsentRecords.Where(r => r.GuardianId != null && unneeded.Contains(r.GuardianId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.GuardianId, (Guid?)null), ct);
            await db.Memberships.Where(m => m.ApprovedByGuardianId != null && unneeded.Contains(m.ApprovedByGuardianId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ApprovedByGuardianId, (Guid?)null), ct);
            await db.ContactPoints.Where(c => unneeded.Contains(c.PersonId)).ExecuteDeleteAsync(ct);
            await db.People.Where(p => unneeded.Contains(p.Id)).ExecuteDeleteAsync(ct);
        }

        return links.Count;
    }
}
