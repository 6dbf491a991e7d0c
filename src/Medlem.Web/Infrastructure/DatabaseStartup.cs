using Medlem.Core.Consortium;
using Medlem.Core.Data;
using System.Globalization;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Demo;
using Medlem.Core.Demo.Activity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Infrastructure;

/// <summary>Demo settings, from configuration section <c>Medlem:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Medlem:Demo";

    /// <summary>Load the demo consortium on first start with an empty database (Development only).</summary>
    public bool LoadOnFirstStart { get; set; } = true;

    public double Scale { get; set; } = 1.0;

    public int Seed { get; set; } = 2017;
}

/// <summary>
/// What happens to the database when the web host starts. The embedded SQLite file migrates
/// itself so a newcomer needs one command; a PostgreSQL database is never migrated implicitly
/// (run <c>medlem db migrate</c>), and the host refuses to start against an unmigrated one.
/// </summary>
public static class DatabaseStartup
{
    public static async Task RunAsync(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (options.IsPostgres)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL database lacks {pending.Count} migration(s). Run 'medlem db migrate' first.");
            }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }

        // Make sure a Data Protection key exists before any write transaction needs one.
        scope.ServiceProvider.GetRequiredService<Core.Data.IPersonalDataProtector>().Protect("key ring ready");

        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (environment.IsDevelopment() && demo.LoadOnFirstStart && !await db.Libraries.AnyAsync(ct))
        {
            await LoadDemoAsync(scope.ServiceProvider, demo.Scale, demo.Seed, Console.Out, ct);
        }
    }

    /// <summary>
    /// Generates and loads the demo consortium, then its activity: written as Koha and Medlem
    /// export files and read by the same importers as a library's own files (so the demo runs the
    /// real path). Gives three demo members a PIN and prints the demo staff and member logins.
    /// </summary>
    public static async Task LoadDemoAsync(IServiceProvider services, double scale, int seed, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<MedlemDbContext>();
        var hasher = services.GetRequiredService<IPasswordHasher<StaffAccount>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        await output.WriteLineAsync($"Loading the demo consortium (scale {scale}, seed {seed})…");
        var data = DemoGenerator.Generate(scale, seed, today);
        var probe = new StaffAccount { UserName = "", DisplayName = "", PasswordHash = "" };
        var summary = await DemoLoader.LoadAsync(db, data, password => hasher.HashPassword(probe, password), ct);
        await LoadDemoActivityAsync(services, data, output, ct);
        var members = await DemoLogins.GiveMembersPinsAsync(db, clock, ct);
        await output.WriteLineAsync(DemoLogins.Format(summary, members));
    }

    private static async Task LoadDemoActivityAsync(IServiceProvider services, DemoData data, TextWriter output, CancellationToken ct)
    {
        var db = services.GetRequiredService<MedlemDbContext>();
        var importer = services.GetRequiredService<ActivityImporter>();
        var folder = Path.Combine(Path.GetTempPath(), $"medlem-demo-activity-{Guid.NewGuid():N}");
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var files = DemoActivityWriter.Write(data, folder);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Importing the demo's activity: {files.Sum(f => f.Rows):N0} rows in {files.Count} export files (written in {clock.Elapsed.TotalSeconds:F0} s)…"));
            clock.Restart();
            var libraries = await db.Libraries.ToDictionaryAsync(l => l.Code, l => l.Id, ct);
            // A small library at a small scale can have an empty export (no events this year): nothing to import.
            foreach (var file in files.Where(f => f.Rows > 0))
            {
                var run = await importer.ImportAsync(new ImportRequest
                {
                    LibraryId = libraries[file.LibraryCode],
                    Kind = file.Kind,
                    Format = file.Format,
                    Content = File.OpenRead(file.Path),
                    FileName = Path.GetFileName(file.Path),
                    Channel = ImportChannels.Demo,
                    RunBy = "demo",
                }, progress: null, ct);
                if (run.State != ImportState.Completed || run.RowsRejected > 0)
                {
                    throw new InvalidOperationException($"The demo's {run.FileName} did not import cleanly: {run.State}, {run.RowsRejected} rejected, {run.Failure}.");
                }
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Imported in {clock.Elapsed.TotalSeconds:F0} s."));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}