using Medlem.Core.Data;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Medlem.Core.Tests.Privacy.Audit.AuditTestData;

namespace Medlem.Core.Tests.Privacy.Audit;

/// <summary>
/// Twenty appends at once, each on its own connection to one SQLite file. With one process lock
/// they queue; with a lock each (as twenty web instances on one database would have) only the
/// database's key keeps the chain linear. Either way: entries 1–20, each linked to the one before.
/// </summary>
public sealed class AuditConcurrencyTests : IAsyncLifetime
{
    private const int Appenders = 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medlem-tests", $"audit-{Guid.NewGuid():N}");
    private DbContextOptions<MedlemDbContext> _options = null!;
    private (AuditActor A, AuditActor B) _staff;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _options = new DbContextOptionsBuilder<MedlemDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "medlem.db")}", o => o.MigrationsAssembly("Medlem.Migrations.Sqlite"))
            .Options;
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var a = TestDatabase.NewLibrary("stavanger", "Stavanger bibliotek", "964965226", "Stavanger");
        var b = TestDatabase.NewLibrary("sandnes", "Sandnes bibliotek", "964965137", "Sandnes");
        db.Libraries.AddRange(a, b);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        _staff = await AddStaffAsync(NewContext, a.Id, b.Id);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private MedlemDbContext NewContext() => new(_options, TestPersonalDataProtector.Instance);

    [Fact]
    public async Task ParallelAppends_InOneProcess_GiveALinearChain()
    {
        using var shared = new AuditAppendLock();
        await AppendInParallelAsync(_ => shared);
        await AssertLinearAsync();
    }

    [Fact]
    public async Task ParallelAppends_FromSeparateInstances_GiveALinearChain()
    {
        var locks = Enumerable.Range(0, Appenders).Select(_ => new AuditAppendLock()).ToList();
        try
        {
            await AppendInParallelAsync(i => locks[i]);
        }
        finally
        {
            locks.ForEach(l => l.Dispose());
        }

        await AssertLinearAsync();
    }

    private async Task AppendInParallelAsync(Func<int, AuditAppendLock> lockOf)
    {
        var clock = TestClock.Create();
        using var start = new ManualResetEventSlim();
        var appends = Enumerable.Range(0, Appenders).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            await RecordAsync(NewContext, clock, lockOf(i), i % 2 == 0 ? _staff.A : _staff.B, AuditPurposes.ApiMembersGet, Someone());
        })).ToList();
        start.Set();
        await Task.WhenAll(appends);
    }

    private async Task AssertLinearAsync()
    {
        var entries = await EntriesAsync(NewContext);
        Assert.Equal(Enumerable.Range(1, Appenders).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(Appenders, entries.Select(e => e.PersonId).Distinct().Count());
        var result = await VerifyAsync(NewContext);
        Assert.True(result.Intact, $"broken at {result.BrokenAt}: {result.Break}");
        Assert.Equal(Appenders, result.Entries);
    }
}
