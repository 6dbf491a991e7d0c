using System.Globalization;
using System.Text;
using Medlem.Core.Data;
using Medlem.Core.Demo;
using Medlem.Core.Members;
using Medlem.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary>A throw-away register and statistics store in a folder, for benchmarks: never the configured databases.</summary>
internal sealed class DatabaseOptionsForBench(string folder)
{
    public ServiceProvider Services()
    {
        var database = new DatabaseOptions
        {
            Provider = "Sqlite",
            ConnectionString = $"Data Source={Path.Combine(folder, "medlem.db")}",
            StatisticsPath = Path.Combine(folder, "statistics.duckdb"),
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMedlemStorage(database);
        services.AddMedlemDataProtection(database);
        return services.BuildServiceProvider();
    }
}

/// <summary>One library (the demo's Stavanger, with its real branches) with a given number of adult members.</summary>
internal static class BenchRegister
{
    public sealed record Library(int Id, IReadOnlyList<string> BranchCodes);

    public static async Task<Library> CreateAsync(ServiceProvider provider, int members, int seed, DateOnly today, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        await db.Database.MigrateAsync(ct);
        scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>().Protect("key ring ready");

        var consortium = DemoGenerator.Generate(0.001, seed, today);
        var stavanger = consortium.Libraries.First(l => l.ParentCode is null) with { };
        var random = new Random(seed);
        var created = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var people = new List<DemoPerson>(members);
        var memberships = new List<DemoMembership>(members);
        var cards = new List<DemoCard>(members);
        for (var n = 0; n < members; n++)
        {
            var person = new DemoPerson(Guid.CreateVersion7(), "Bench", $"Member {n}", new DateOnly(1940 + random.Next(65), 1 + random.Next(12), 1 + random.Next(28)),
                null, null, PreferredLanguage.Nb, created, []);
            var membership = new DemoMembership(Guid.CreateVersion7(), person.Id, stavanger.Code, DefaultMembershipTypes.Codes.Borrower, null, Guid.NewGuid(),
                new DateOnly(2020, 1, 1), null, VerificationLevel.IdentityCheckedAtDesk, created, null, null, null, null, false, null, 0, today, created,
                DemoActivityProfile.None);
            people.Add(person);
            memberships.Add(membership);
            cards.Add(new DemoCard(membership.Id, stavanger.Code, string.Create(CultureInfo.InvariantCulture, $"9{n:D9}"), CardStatus.Active, new DateOnly(2020, 1, 1), null));
        }

        var data = new DemoData(seed, 1, today, [stavanger], people, [], memberships, cards, []);
        await DemoLoader.LoadAsync(db, data, _ => "bench-hash", ct);
        var library = await db.Libraries.Include(l => l.Branches).SingleAsync(ct);
        return new Library(library.Id, library.Branches.Select(b => b.Code).ToList());
    }

    /// <summary>A Koha borrowers export of the library: borrowernumber 1…M in card number order.</summary>
    public static async Task WriteBorrowersAsync(ServiceProvider provider, int libraryId, string path, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var numbers = await db.Cards.Where(c => c.LibraryId == libraryId).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync(ct);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("borrowernumber,cardnumber,surname,firstname,branchcode,categorycode");
        for (var n = 0; n < numbers.Count; n++)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{n + 1},{numbers[n]},Member {n},Bench,solvberget,V"));
        }
    }
}
