using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Demo;

/// <summary>
/// Writes a <see cref="DemoData"/> into an empty member register. Everything happens in one
/// transaction, so a failure leaves nothing half-written. The consortium (a few hundred rows
/// whose ids the database assigns) goes through SaveChanges with change detection off; the
/// hundreds of thousands of people, memberships and cards go through <see cref="BulkWriter"/>,
/// one prepared INSERT per table, because SaveChanges on SQLite prepares a command per row and
/// took two minutes for the full-size demo (docs/demo-data.md).
/// </summary>
public static class DemoLoader
{
    /// <summary>Rows between two progress reports.</summary>
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
            var contactPoints = data.People.SelectMany(p => p.ContactPoints.Select(c => DemoEntityMapper.ToContactPoint(p.Id, c))).ToList();

            // Hold the connection open across the transaction and the cache restore: EF closes a
            // connection it opened itself when the transaction ends, and the cache size is a
            // per-connection setting.
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var cacheSize = await DemoSqliteTuning.EnlargeCacheAsync(db, ct);
            try
            {
                var ids = await DemoEntityMapper.WriteConsortiumAsync(db, data, hashPassword, ct);
                var writer = new BulkWriter(db);
                await WriteAsync(writer, "people", data.People.Select(p => DemoEntityMapper.ToPerson(p)), data.People.Count, progress, ct);
                await WriteAsync(writer, "contact points", contactPoints, contactPoints.Count, progress, ct);
                await WriteAsync(writer, "guardianships", data.Guardianships.Select(DemoEntityMapper.ToGuardianship), data.Guardianships.Count, progress, ct);
                await WriteAsync(writer, "memberships", data.Memberships.Select(ids.ToMembership), data.Memberships.Count, progress, ct);
                await WriteAsync(writer, "cards", data.Cards.Select(ids.ToCard), data.Cards.Count, progress, ct);
                await transaction.CommitAsync(ct);
            }
            finally
            {
                await DemoSqliteTuning.RestoreCacheAsync(db, cacheSize, CancellationToken.None);
            }

            return Summarise(data, contactPoints.Count);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static Task WriteAsync<T>(
        BulkWriter writer, string stage, IEnumerable<T> rows, int total, IProgress<DemoLoadProgress>? progress, CancellationToken ct)
        where T : class =>
        writer.WriteAsync(rows, BatchSize, done => progress?.Report(new DemoLoadProgress(stage, done, total)), ct);

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
