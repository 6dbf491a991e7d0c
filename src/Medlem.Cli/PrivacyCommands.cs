using System.CommandLine;
using System.Globalization;
using Medlem.Core.Privacy.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary><c>medlem privacy …</c>: the privacy jobs, for the operator and the data protection officer.</summary>
internal static class PrivacyCommands
{
    public static Command Build()
    {
        var privacy = new Command("privacy", "Privacy jobs: retention.");
        privacy.Subcommands.Add(Retention());
        return privacy;
    }

    /// <summary><c>medlem privacy retention [--dry-run]</c>: runs the retention rules now and prints the report (exit 1 when another instance is running them).</summary>
    private static Command Retention()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what would be deleted" };
        var command = new Command("retention", "Apply the retention rules to every library now (the web host also runs them nightly).");
        command.Options.Add(dryRun);
        command.Options.Add(CliHost.Provider);
        command.Options.Add(CliHost.Connection);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            if (!await DbCommands.EnsureMigratedAsync(scope.Db(), services, ct))
            {
                return 1;
            }

            var run = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(parse.GetValue(dryRun), "cli", ct);
            if (run is null)
            {
                await Console.Error.WriteLineAsync("Another instance is running the retention rules; try again later.");
                return 1;
            }

            Console.WriteLine(run.DryRun ? "Dry run: nothing was deleted. Would delete:" : "Deleted:");
            foreach (var result in RetentionRunner.ReportOf(run))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.Library,-16} {result.Rule,-18} {result.Count,10:N0}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run {run.Id} took {(run.FinishedAt!.Value - run.StartedAt).TotalSeconds:F1} s."));
            return 0;
        });
        return command;
    }
}
