using System.Diagnostics;
using System.Globalization;
using Medlem.Core.Data;
using Medlem.Core.Privacy.Access;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Privacy.Erasure;
using Medlem.Core.Privacy.Retention;
using Medlem.Statistics;
using Medlem.Web.Features.Imports;
using Medlem.Web.Features.Privacy;
using Medlem.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Medlem.Cli;

/// <summary>
/// <c>medlem bench privacy --members 300000</c>: a throw-away register of one library with that many
/// members, a tenth of them keeping a reading history, one member with 10,000 loans (titles kept),
/// and 200,000 more loans with titles spread over the others; then the privacy issue's three
/// figures: the access export of the member with 10,000 facts (median of five), the nightly
/// retention run over every member (it deletes the titles of those without consent), and the
/// erasure of that member.
/// </summary>
internal static class BenchPrivacy
{
    public static async Task<int> RunAsync(int members, int seed, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("medlem-bench-privacy-").FullName;
        try
        {
            var database = new DatabaseOptions
            {
                Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(folder, "medlem.db")}", StatisticsPath = Path.Combine(folder, "statistics.duckdb"),
            };
            var configuration = new ConfigurationBuilder().Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddMedlemCore(configuration, new BenchEnvironment());
            services.AddMedlemStorage(database);
            services.AddMedlemDataProtection(database);
            services.AddMedlemPrivacy(configuration);
            services.AddKeptUploads();
            await using var provider = services.BuildServiceProvider();

            var clock = Stopwatch.StartNew();
            var library = await BenchRegister.CreateAsync(provider, members, seed, new DateOnly(2026, 11, 28), ct);
            var subject = await PrepareAsync(provider, library.Id, members, seed, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"register: {members:N0} members, {members / 10:N0} keeping a reading history; 10,000 loans of one member and 200,000 of others, with titles; set up in {clock.Elapsed.TotalSeconds:F1} s"));

            var exports = new List<TimeSpan>();
            int facts = 0;
            for (var i = 0; i < 6; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var time = Stopwatch.StartNew();
                var document = await scope.ServiceProvider.GetRequiredService<AccessExport>().RunAsync(library.Id, subject, ct);
                time.Stop();
                facts = document!.Activity.Count;
                if (i > 0)
                {
                    exports.Add(time.Elapsed); // the first run warms the connections
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"access export of a member with {facts:N0} activity facts: {exports.Order().ElementAt(exports.Count / 2).TotalMilliseconds:F0} ms (median of {exports.Count}, warm)"));

            await using (var scope = provider.CreateAsyncScope())
            {
                // The subject borrowed today (the bench's loans are not summarised in the register):
                // the inactive-members rule must not take the member the erasure is timed on.
                await scope.ServiceProvider.GetRequiredService<Medlem.Core.Data.MedlemDbContext>().Memberships
                    .Where(m => m.PersonId == subject)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastUsedOn, new DateOnly(2026, 11, 28)), ct);
                var time = Stopwatch.StartNew();
                var run = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(dryRun: false, "bench", ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"retention run over {members:N0} members: {time.Elapsed.TotalSeconds:F1} s ({string.Join(", ", RetentionRunner.ReportOf(run!).Where(r => r.Count > 0).Select(r => $"{r.Rule} {r.Count:N0}"))})"));
            }

            await using (var scope = provider.CreateAsyncScope())
            {
                var time = Stopwatch.StartNew();
                var outcome = await scope.ServiceProvider.GetRequiredService<ErasePerson>().RunAsync(library.Id, subject, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"erasure of that member (register and statistics store, {outcome.Result!.PseudonymLinksBroken:N0} pseudonym link broken): {time.Elapsed.TotalMilliseconds:F0} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, .NET {Environment.Version}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Guid> PrepareAsync(ServiceProvider provider, int libraryId, int members, int seed, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var all = await db.Memberships.AsNoTracking().Where(m => m.LibraryId == libraryId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.PersonId, m.Pseudonym }).ToListAsync(ct);
        var now = TimeProvider.System.GetUtcNow();
        db.ConsentRecords.AddRange(all.Where((_, i) => i % 10 == 0).Select(m => new ConsentRecord
        {
            MembershipId = m.Id, Purpose = ConsentPurpose.ReadingHistory, Given = true, At = now, Channel = ConsentChannel.Desk, TextVersion = 1, ActedBy = ConsentActor.Staff,
        }));
        await db.SaveChangesAsync(ct);

        var subject = all[0]; // keeps a reading history (index 0)
        var random = new Random(seed);
        await using var connection = await scope.ServiceProvider.GetRequiredService<StatisticsStore>().OpenAsync(ct);
        using var staging = await FactStaging.StartAsync(connection, 1, (short)libraryId, ct);
        var facts = new Fact[210_000];
        for (var i = 0; i < facts.Length; i++)
        {
            var who = i < 10_000 ? subject : all[1 + random.Next(all.Count - 1)];
            facts[i] = new Fact
            {
                Key = i + 1, LibraryId = (short)libraryId, Day = new DateOnly(2025, 1, 1).AddDays(random.Next(365)), Kind = FactKind.Loan, Match = MatchKind.Member,
                Member = staging.Numbers.Member(who.Pseudonym), Title = staging.Numbers.LargeCode($"title-{random.Next(50_000)}"),
            };
        }

        staging.Append(facts);
        staging.Complete();
        await FactCommit.CommitAsync(connection, staging, ct);
        return subject.PersonId;
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "medlem-bench";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
