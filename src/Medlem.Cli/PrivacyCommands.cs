using System.CommandLine;
using Medlem.Core.Privacy.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary><c>medlem privacy audit verify</c>: recompute the audit trail's hash chain; exit 1 where it breaks.</summary>
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
                Console.WriteLine($"The audit trail is intact: {result.Entries} entries, last {result.LastSequence}, head {result.Head}.");
                return 0;
            }

            await Console.Error.WriteLineAsync($"The audit trail is broken at entry {result.BrokenAt}: {Reason(result.Break)} ({result.Entries} entries before it verify).");
            return 1;
        });

        var audit = new Command("audit", "The audit trail of staff reads of member data.");
        audit.Subcommands.Add(verify);

        var privacy = new Command("privacy", "Privacy: the audit trail.");
        privacy.Options.Add(CliHost.Provider);
        privacy.Options.Add(CliHost.Connection);
        privacy.Subcommands.Add(audit);
        return privacy;
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
