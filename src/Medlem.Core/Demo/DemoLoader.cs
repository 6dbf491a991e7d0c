using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Demo;

/// <summary>
/// Writes a <see cref="DemoData"/> into an empty member register. Everything happens in one
/// transaction, so a failure leaves nothing half-written; rows go in batches with change
/// detection off and the tracker cleared after each batch, so memory stays flat and a full-size
/// consortium loads in reasonable time through EF Core on SQLite and PostgreSQL alike.
/// </summary>
public static class DemoLoader
{
    /// <summary>Rows per SaveChanges: large enough to amortise the round trip, small enough to keep the tracker cheap.</summary>
    public const int BatchSize = 4_000;

    public static Task<DemoLoadSummary> LoadAsync(
        MedlemDbContext db, DemoData data, Func<string, string> hashPassword, CancellationToken ct) =>
        LoadAsync(db, data, hashPassword, progress: null, ct);

    /// <summary>
    /// Loads the demo. Refuses (InvalidOperationException) when the register already has a
    /// library: demo data must never mix with real members. <paramref name="hashPassword"/> turns
    /// the demo password into the stored hash; the password itself is written nowhere.
    /// </summary>
    public static async Task<DemoLoadSummary> LoadAsync(
        MedlemDbContext db, DemoData data, Func<string, string> hashPassword, IProgress<DemoLoadProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(hashPassword);
        if (await db.Libraries.AnyAsync(ct))
        {
            throw new InvalidOperationException(
                "The register already has libraries; the demo consortium can only be loaded into an empty database.");
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = await DemoEntityMapper.WriteConsortiumAsync(db, data, hashPassword, ct);
            var contactPoints = data.People.Sum(p => p.ContactPoints.Count);

            await WriteInBatchesAsync(db, "people", data.People, p => DemoEntityMapper.ToPerson(p, data.Today), progress, ct);
            await WriteInBatchesAsync(db, "guardianships", data.Guardianships, DemoEntityMapper.ToGuardianship, progress, ct);
            var cardsByMembership = data.Cards.ToLookup(c => c.MembershipId);
            await WriteInBatchesAsync(
                db, "memberships", data.Memberships, m => ids.ToMembership(m, cardsByMembership[m.Id]), progress, ct);

            await transaction.CommitAsync(ct);
            return Summarise(data, contactPoints);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static async Task WriteInBatchesAsync<TSource>(
        MedlemDbContext db,
        string stage,
        IReadOnlyList<TSource> rows,
        Func<TSource, object> toEntity,
        IProgress<DemoLoadProgress>? progress,
        CancellationToken ct)
    {
        var batch = new List<object>(BatchSize);
        for (var i = 0; i < rows.Count; i++)
        {
            batch.Add(toEntity(rows[i]));
            if (batch.Count == BatchSize || i == rows.Count - 1)
            {
                db.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                batch.Clear();
                progress?.Report(new DemoLoadProgress(stage, i + 1, rows.Count));
            }
        }
    }

    private static DemoLoadSummary Summarise(DemoData data, int contactPoints)
    {
        var periodStart = DemoCalibration.PeriodStart(data.Today);
        var libraries = data.Libraries.Select(l => new DemoLibraryLoadCount(
            l.Code,
            l.Name,
            l.Branches.Count,
            data.Memberships.Count(m => m.LibraryCode == l.Code),
            data.Memberships.Count(m => m.LibraryCode == l.Code && m.ValidFrom <= data.Today && (m.ValidTo is null || m.ValidTo >= periodStart)),
            data.Cards.Count(c => c.LibraryCode == l.Code),
            data.StaffAccounts.Count(s => s.LibraryCode == l.Code))).ToList();
        var logins = data.StaffAccounts.Select(s => new DemoLogin(s.UserName, s.LibraryCode, s.Roles)).ToList();
        return new DemoLoadSummary(libraries, data.People.Count, contactPoints, data.Guardianships.Count, logins);
    }
}
