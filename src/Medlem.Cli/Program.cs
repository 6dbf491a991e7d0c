using System.CommandLine;

namespace Medlem.Cli;

/// <summary>The <c>medlem</c> command line for operators: database migration, demo data, staff accounts.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Build().Parse(args).InvokeAsync();

    public static RootCommand Build()
    {
        var root = new RootCommand("Medlem: membership, user insight and privacy for libraries. Operator commands.");
        root.Subcommands.Add(DbCommands.Build());
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(StaffCommands.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(InsightCommand.Build());
        root.Subcommands.Add(PrivacyCommands.Build());
        root.Subcommands.Add(BenchCommands.Build());
        return root;
    }
}
