using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Privacy.Audit;

/// <summary>A desk account in each test library, and a way to append as one request would.</summary>
internal static class AuditTestData
{
    public static async Task<(AuditActor A, AuditActor B)> AddStaffAsync(Func<MedlemDbContext> newContext, int libraryA, int libraryB)
    {
        await using var db = newContext();
        var a = new StaffAccount { LibraryId = libraryA, UserName = "desk.a", DisplayName = "Desk A", PasswordHash = "-", Roles = StaffRoles.Desk };
        var b = new StaffAccount { LibraryId = libraryB, UserName = "desk.b", DisplayName = "Desk B", PasswordHash = "-", Roles = StaffRoles.Desk };
        db.StaffAccounts.AddRange(a, b);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (new AuditActor(libraryA, a.Id), new AuditActor(libraryB, b.Id));
    }

    /// <summary>One request: its own context and trail; the lock is the process's (or, passed fresh, another instance's).</summary>
    public static async Task RecordAsync(
        Func<MedlemDbContext> newContext, TimeProvider clock, AuditAppendLock appendLock, AuditActor actor, string purpose, params AuditSubject[] subjects)
    {
        await using var db = newContext();
        await new AuditTrail(db, clock, appendLock).RecordAsync(actor, AuditAction.Read, purpose, subjects, TestContext.Current.CancellationToken);
    }

    public static async Task<AuditVerification> VerifyAsync(Func<MedlemDbContext> newContext)
    {
        await using var db = newContext();
        return await new AuditChain(db).VerifyAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<List<AuditEntry>> EntriesAsync(Func<MedlemDbContext> newContext)
    {
        await using var db = newContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static AuditSubject Someone() => new(Guid.NewGuid(), Guid.NewGuid());
}

/// <summary>A fresh in-memory register (TestDatabase) and one process's append lock, per test.</summary>
public abstract class AuditDatabaseTest : IDisposable
{
    private readonly AuditAppendLock _lock = new();

    internal TestDatabase Database { get; } = TestDatabase.Create();

    internal AuditAppendLock Lock => _lock;

    internal Func<MedlemDbContext> Db => Database.NewContext;

    public void Dispose()
    {
        _lock.Dispose();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
