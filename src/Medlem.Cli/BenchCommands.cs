using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Medlem.Core.Data;
using Medlem.Core.Demo;
using Medlem.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary><c>medlem bench …</c>: measurements that print figures for docs/benchmarks.md. They use a throw-away database, never the configured one.</summary>
internal static class BenchCommands
{
    public static Command Build()
    {
        var scale = new Option<double>("--scale") { Description = "Demo scale to generate and load", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 2017 };
        var demo = new Command("demo", "Time generating the demo consortium and loading it into a new SQLite file (migrated first).");
        demo.Options.Add(scale);
        demo.Options.Add(seed);
        demo.SetAction(async (parse, ct) =>
        {
            var file = Path.Combine(Path.GetTempPath(), $"medlem-bench-{Guid.NewGuid():N}.db");
            var database = new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={file}" };
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMedlemStorage(database);
            services.AddMedlemDataProtection(database);
            await using var provider = services.BuildServiceProvider();
            try
            {
                await using var scope = provider.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
                await db.Database.MigrateAsync(ct);
                scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>().Protect("key ring ready");

                var clock = Stopwatch.StartNew();
                var data = DemoGenerator.Generate(parse.GetValue(scale), parse.GetValue(seed), new DateOnly(2026, 11, 28));
                var generated = clock.Elapsed;
                clock.Restart();
                // The hash is not what is measured: a fixed string keeps PBKDF2 out of the figure.
                var summary = await DemoLoader.LoadAsync(db, data, _ => "bench-hash", ct);
                var loaded = clock.Elapsed;

                var rows = summary.People + summary.ContactPoints + summary.Guardianships + summary.Memberships + summary.Cards;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"scale {parse.GetValue(scale)}: {rows:N0} rows; generate {generated.TotalSeconds:F1} s; load {loaded.TotalSeconds:F1} s ({rows / loaded.TotalSeconds:N0} rows/s, national identity numbers encrypted with Data Protection); file {new FileInfo(file).Length / 1048576.0:F0} MiB"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"people {summary.People:N0}, contact points {summary.ContactPoints:N0}, guardianships {summary.Guardianships:N0}, memberships {summary.Memberships:N0}, cards {summary.Cards:N0}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, .NET {Environment.Version}"));
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }
            }
        });

        var rows = new Option<long>("--rows") { Description = "Koha statistics rows to generate and import", DefaultValueFactory = _ => 10_000_000 };
        var members = new Option<int>("--members") { Description = "Members in the library", DefaultValueFactory = _ => 300_000 };
        var import = new Command("import", "Time importing a generated Koha statistics export end to end, and the bare Sep + DuckDB appender limit on the same file.");
        import.Options.Add(rows);
        import.Options.Add(members);
        import.Options.Add(seed);
        import.SetAction((parse, ct) => BenchImport.RunAsync(parse.GetValue(rows), parse.GetValue(members), parse.GetValue(seed), ct));

        var facts = new Option<long>("--facts") { Description = "Activity facts in the measured year", DefaultValueFactory = _ => 10_000_000 };
        var insightMembers = new Option<int>("--members") { Description = "Members of the library", DefaultValueFactory = _ => 300_000 };
        var insight = new Command("insight", "Time the whole insight dashboard of one library-year against the same SQL run bare on the statistics store.");
        insight.Options.Add(facts);
        insight.Options.Add(insightMembers);
        var period = new Option<string>("--period") { Description = "The period: 2025 (default), 2025-Q3, 2025-05, or 12m (December 2024 to November 2025)", DefaultValueFactory = _ => "2025" };
        insight.Options.Add(seed);
        insight.Options.Add(period);
        insight.SetAction((parse, ct) => BenchInsight.RunAsync(parse.GetValue(facts), parse.GetValue(insightMembers), parse.GetValue(seed), parse.GetValue(period)!, ct));

        var privacyMembers = new Option<int>("--members") { Description = "Members of the library", DefaultValueFactory = _ => 300_000 };
        var privacy = new Command("privacy", "Time the access export of a member with 10,000 facts, the retention run over every member, and one erasure.");
        privacy.Options.Add(privacyMembers);
        privacy.Options.Add(seed);
        privacy.SetAction((parse, ct) => BenchPrivacy.RunAsync(parse.GetValue(privacyMembers), parse.GetValue(seed), ct));

        var bench = new Command("bench", "Benchmarks: print measured figures.");
        bench.Subcommands.Add(demo);
        bench.Subcommands.Add(import);
        bench.Subcommands.Add(insight);
        bench.Subcommands.Add(privacy);
        return bench;
    }
}
