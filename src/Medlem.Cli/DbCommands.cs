using System.CommandLine;
using Medlem.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary><c>medlem db migrate</c> and <c>medlem db status</c>: production databases are migrated on purpose, never by the web host.</summary>
internal static class DbCommands
{
    public static Command Build()
    {
        var db = new Command("db", "The register database.");
        db.Options.Add(CliHost.Provider);
        db.Options.Add(CliHost.Connection);

        var migrate = new Command("migrate", "Apply every pending migration to the register database.");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var context = scope.Db();
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            await context.Database.MigrateAsync(ct);
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });

        var status = new Command("status", "List applied and pending migrations.");
        status.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var context = scope.Db();
            foreach (var applied in await context.Database.GetAppliedMigrationsAsync(ct))
            {
                Console.WriteLine($"applied  {applied}");
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            foreach (var name in pending)
            {
                Console.WriteLine($"pending  {name}");
            }

            return pending.Count == 0 ? 0 : 1;
        });

        db.Subcommands.Add(migrate);
        db.Subcommands.Add(status);
        return db;
    }

    /// <summary>
    /// SQLite is migrated on the spot (it is embedded); PostgreSQL must have been migrated with
    /// <c>medlem db migrate</c> by whoever owns its schema. <paramref name="beforeMigrating"/> is called
    /// before a migration changes the register (what was read from it before is then out of date).
    /// </summary>
    public static async Task<bool> EnsureMigratedAsync(Core.Data.MedlemDbContext db, IServiceProvider services, CancellationToken ct, Func<Task>? beforeMigrating = null)
    {
        // Nothing pending is the usual case; asking first skips what MigrateAsync does besides (EF Core
        // compares the whole model with the last migration's), a second of every `medlem` command's start.
        if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            return true;
        }

        if (!services.GetRequiredService<DatabaseOptions>().IsPostgres)
        {
            if (beforeMigrating is not null)
            {
                await beforeMigrating();
            }

            await db.Database.MigrateAsync(ct);
            return true;
        }

        await Console.Error.WriteLineAsync("The database is not migrated: run 'medlem db migrate' first.");
        return false;
    }
}
