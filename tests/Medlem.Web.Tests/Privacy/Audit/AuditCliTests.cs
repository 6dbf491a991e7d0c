using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Tests.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Privacy.Audit;

/// <summary><c>medlem privacy audit verify</c> on a SQLite file of its own: exit 0 on the intact chain, 1 and the entry's number after tampering.</summary>
[Collection(nameof(SharedConsole))]
public sealed class AuditCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medlem-tests", $"cli-audit-{Guid.NewGuid():N}");

    public AuditCliTests() => Directory.CreateDirectory(_folder);

    private string Connection => $"Data Source={Path.Combine(_folder, "medlem.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Verify_ExitsZeroWhenIntact_AndOneWithTheSequenceNumberAfterTampering()
    {
        Assert.Equal(0, (await CliTests.RunAsync(["db", "migrate", "--connection", Connection], stdin: "")).Exit);
        await AppendFourAsync();

        var (intact, intactOutput) = await CliTests.RunAsync(["privacy", "audit", "verify", "--connection", Connection], stdin: "");
        Assert.Equal(0, intact);
        Assert.Contains("intact: 4 entries, last 4", intactOutput, StringComparison.Ordinal);

        await using (var db = NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 3", TestContext.Current.CancellationToken);
        }

        var (broken, brokenOutput) = await CliTests.RunAsync(["privacy", "audit", "verify", "--connection", Connection], stdin: "");
        Assert.Equal(1, broken);
        Assert.Contains("broken at entry 3: the entry is missing", brokenOutput, StringComparison.Ordinal);
    }

    private async Task AppendFourAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = NewContext();
        var library = new Library
        {
            Code = "stavanger", Name = "Stavanger bibliotek", OrganisationNumber = "964965226", Municipality = "Stavanger",
            DataProtectionOfficerName = "Personvern Ombud", DataProtectionOfficerEmail = "personvern@stavanger.example.org",
        };
        db.Libraries.Add(library);
        await db.SaveChangesAsync(ct);
        var desk = new StaffAccount { LibraryId = library.Id, UserName = "desk", DisplayName = "Desk", PasswordHash = "-", Roles = StaffRoles.Desk };
        db.StaffAccounts.Add(desk);
        await db.SaveChangesAsync(ct);

        using var appendLock = new AuditAppendLock();
        var trail = new AuditTrail(db, TimeProvider.System, appendLock);
        var actor = new AuditActor(library.Id, desk.Id);
        await trail.RecordAsync(actor, AuditAction.Search, AuditPurposes.DeskSearch, [new(Guid.NewGuid(), null), new(Guid.NewGuid(), null)], ct);
        await trail.RecordAsync(actor, AuditAction.Read, AuditPurposes.DeskDetails, [new(Guid.NewGuid(), Guid.NewGuid()), new(Guid.NewGuid(), null)], ct);
    }

    private MedlemDbContext NewContext() =>
        new(new DbContextOptionsBuilder<MedlemDbContext>().UseSqlite(Connection, o => o.MigrationsAssembly("Medlem.Migrations.Sqlite")).Options, new NoProtector());

    /// <summary>Nothing here is encrypted: no identity numbers are written.</summary>
    private sealed class NoProtector : IPersonalDataProtector
    {
        public string Protect(string plaintext) => throw new NotSupportedException();

        public string Unprotect(string ciphertext) => throw new NotSupportedException();
    }
}
