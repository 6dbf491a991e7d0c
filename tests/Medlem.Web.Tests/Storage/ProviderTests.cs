using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Storage;

/// <summary>
/// The register runs on both providers: each provider's migrations build the schema from
/// nothing, match the model exactly (no change left un-migrated), and the register's core
/// operations behave the same on both.
/// </summary>
public sealed class ProviderTests
{
    [Fact]
    public async Task Sqlite_MigrationsMatchTheModel_AndTheRegisterWorks()
    {
        await using var app = new MedlemApplication();
        await AssertRegisterWorksAsync(app);
    }

    [Fact]
    public async Task Postgres_MigrationsMatchTheModel_AndTheRegisterWorks()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = new MedlemApplication();
        app.Settings["Medlem:Database:Provider"] = "Postgres";
        app.Settings["Medlem:Database:ConnectionString"] = database.ConnectionString;

        // A PostgreSQL database is never migrated by the web host (STYLE.md): it must be
        // migrated first, as `medlem db migrate` does, or the host refuses to start.
        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("medlem db migrate", refused.Message, StringComparison.Ordinal);

        var options = new DatabaseOptions { Provider = "Postgres", ConnectionString = database.ConnectionString };
        await using (var migrate = new MedlemApplication())
        {
            migrate.Settings["Medlem:Database:Provider"] = "Sqlite";
            var protector = migrate.Services.GetRequiredService<IPersonalDataProtector>();
            var builder = new DbContextOptionsBuilder<MedlemDbContext>();
            StorageSetup.Configure(builder, options);
            await using var db = new MedlemDbContext(builder.Options, protector);
            await db.Database.MigrateAsync();
        }

        await using var migrated = new MedlemApplication();
        migrated.Settings["Medlem:Database:Provider"] = "Postgres";
        migrated.Settings["Medlem:Database:ConnectionString"] = database.ConnectionString;
        await AssertRegisterWorksAsync(migrated);
    }

    private static async Task AssertRegisterWorksAsync(MedlemApplication app)
    {
        await TestConsortium.SeedAsync(app);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())), "The model has changes no migration covers.");

        var desk = await StaffClient.LoginAsync(app, "stavanger", StaffRoles.Desk);
        var created = await desk.PostAsJsonAsync("/api/v1/members", new
        {
            givenName = "Øystein", familyName = "Ærøy-Ås", birthDate = "1999-12-01", nationalIdentityNumber = "01129910042",
            email = "oystein@example.org", membershipTypeCode = "VOKSEN", verification = "IdentityCheckedAtDesk", cardNumber = "PG0000001",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var hits = await desk.GetFromJsonAsync<JsonElement>("/api/v1/members?q=ærøy-ås");
        Assert.Equal("Øystein Ærøy-Ås", hits[0].GetProperty("fullName").GetString());

        var duplicate = await desk.PostAsJsonAsync("/api/v1/members", new
        {
            givenName = "Annen", familyName = "Person", birthDate = "1980-01-01", membershipTypeCode = "VOKSEN", cardNumber = "PG0000001",
        });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.NationalIdentityNumber).SingleAsync());
        Assert.Equal("01129910042", stored);

        await AssertImportRefreshesActivitySummaryAsync(app, id);
    }

    /// <summary>
    /// An import writes the register's activity summary with provider-specific SQL (SQLite: an
    /// UPDATE per membership; PostgreSQL: one UPDATE over arrays). Membership.cs: loans in the last
    /// twelve months and the last day of recorded use; a return is no use.
    /// </summary>
    private static async Task AssertImportRefreshesActivitySummaryAsync(MedlemApplication app, Guid personId)
    {
        var libraryId = await app.WithDbAsync(db => db.Libraries.Where(l => l.Code == "stavanger").Select(l => l.Id).SingleAsync());
        const string Loans = """
            time,branch,type,item_id,card_number
            2026-10-02 12:00:00,hoved,issue,1,PG0000001
            2026-11-20 12:00:00,hoved,issue,2,PG0000001
            2026-11-27 12:00:00,hoved,return,1,PG0000001
            """;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<Medlem.Core.Activity.Importing.ActivityImporter>().ImportAsync(new()
            {
                LibraryId = libraryId,
                Kind = Medlem.Core.Activity.ImportKind.Loans,
                Content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Loans)),
                FileName = "loans.csv",
                Channel = "test",
                RunBy = "test",
            });
            Assert.Equal((Medlem.Core.Activity.ImportState.Completed, 3L), (run.State, run.RowsLoaded));
        }

        var summary = await app.WithDbAsync(db => db.Memberships.Where(m => m.PersonId == personId)
            .Select(m => new { m.LoansLast12Months, m.LastUsedOn, m.ActivityAsOf }).SingleAsync());
        Assert.Equal((2, (DateOnly?)new DateOnly(2026, 11, 20), (DateOnly?)new DateOnly(2026, 11, 28)), (summary.LoansLast12Months, summary.LastUsedOn, summary.ActivityAsOf));
    }
}
