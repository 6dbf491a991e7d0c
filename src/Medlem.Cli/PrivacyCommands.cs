using System.CommandLine;
using System.Globalization;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Privacy.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary>
/// <c>medlem privacy …</c>: the privacy jobs, for the operator and the data protection officer:
/// <c>audit verify</c> recomputes the audit trail's hash chain (exit 1 where it breaks);
/// <c>retention</c> applies the retention rules now.
/// </summary>
internal static class PrivacyCommands
{
    public static Command Build()
    {
        var verify = new Command("verify", "Recompute the audit trail's hash chain. Exit 0 when intact; 1 with the first broken entry's number and why.");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync(ct);
            if (result.Intact)
            {
                // The head is worth writing down elsewhere: the chain alone cannot show that its end was cut off.
                var from = result.FirstSequence > 1 ? $" from entry {result.FirstSequence} (retention cut the {result.FirstSequence - 1} before it)" : "";
                Console.WriteLine($"The audit trail is intact{from}: {result.Entries} entries, last {result.LastSequence}, head {result.Head}.");
                return 0;
            }

            await Console.Error.WriteLineAsync($"The audit trail is broken at entry {result.BrokenAt}: {Reason(result.Break)} ({result.Entries} entries before it verify).");
            return 1;
        });

        var audit = new Command("audit", "The audit trail of staff reads of member data.");
        audit.Subcommands.Add(verify);

        var privacy = new Command("privacy", "Privacy jobs: the audit trail and retention.");
        privacy.Options.Add(CliHost.Provider);
        privacy.Options.Add(CliHost.Connection);
        privacy.Subcommands.Add(audit);
        privacy.Subcommands.Add(Retention());
        return privacy;
    }

    /// <summary><c>medlem privacy retention [--dry-run]</c>: runs the retention rules now and prints the report (exit 1 when another instance is running them).</summary>
    private static Command Retention()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what would be deleted" };
        var command = new Command("retention", "Apply the retention rules to every library now (the web host also runs them nightly).");
        command.Options.Add(dryRun);
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

    private static string Reason(AuditBreak reason) => reason switch
    {
        AuditBreak.Missing => "the entry is missing (deleted)",
        AuditBreak.NotLinked => "it does not point at the entry before it (inserted, moved, or its predecessor deleted)",
        AuditBreak.SubjectChanged => "its person or membership was changed",
        AuditBreak.Changed => "a field was changed",
        _ => reason.ToString(),
    };
}
