using System.CommandLine;
using System.Globalization;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Activity.Reading;
using Medlem.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Medlem.Cli;

/// <summary>
/// <c>medlem import &lt;kind&gt; &lt;file&gt; --library &lt;code&gt; --format koha|folio|medlem [--profile &lt;file&gt;]</c>:
/// one export into the statistics store, with a progress bar and a closing summary. Exit code 0
/// when the file was read (rejected rows are in the report), 1 when it could not be.
/// </summary>
internal static class ImportCommand
{
    public static Command Build()
    {
        var kind = new Argument<string>("kind") { Description = "What the file holds: " + string.Join(", ", ImportKinds.Names) };
        var file = new Argument<FileInfo>("file") { Description = "The CSV or JSON (lines or array) export" };
        var library = new Option<string>("--library") { Description = "The library's code", Required = true };
        var format = new Option<string>("--format") { Description = "koha, folio or medlem", DefaultValueFactory = _ => "medlem" };
        var profile = new Option<FileInfo?>("--profile") { Description = "A JSON mapping profile: column names, branch codes, values (docs/activity-import.md)" };
        var timings = new Option<bool>("--timings") { Description = "Print the time of each step (for benchmarks)" };
        var command = new Command("import", "Import activity (loans, events, wifi, digital loans, visits) or patron links from an export file.");
        command.Arguments.Add(kind);
        command.Arguments.Add(file);
        command.Options.Add(library);
        command.Options.Add(format);
        command.Options.Add(profile);
        command.Options.Add(timings);
        command.Options.Add(CliHost.Provider);
        command.Options.Add(CliHost.Connection);
        command.SetAction(async (parse, ct) =>
        {
            if (!ImportKinds.TryParse(parse.GetValue(kind), out var importKind))
            {
                await Console.Error.WriteLineAsync($"Unknown kind '{parse.GetValue(kind)}': use one of {string.Join(", ", ImportKinds.Names)}.");
                return 2;
            }

            if (!Enum.TryParse<ImportFormat>(parse.GetValue(format), ignoreCase: true, out var importFormat) || int.TryParse(parse.GetValue(format), out _))
            {
                await Console.Error.WriteLineAsync($"Unknown format '{parse.GetValue(format)}': use koha, folio or medlem.");
                return 2;
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {path.FullName}");
                return 1;
            }

            MappingProfile? overrides = null;
            if (parse.GetValue(profile) is { } profileFile)
            {
                try
                {
                    overrides = MappingProfile.Parse(await File.ReadAllTextAsync(profileFile.FullName, ct));
                }
                catch (Exception ex) when (ex is ImportFileException or IOException)
                {
                    await Console.Error.WriteLineAsync($"The profile could not be read: {ex.Message}");
                    return 1;
                }
            }

            await using var services = CliHost.Services(parse);

            // The library's members are read on another core while EF Core starts (docs/benchmarks.md).
            var database = services.GetRequiredService<DatabaseOptions>();
            await using var members = MemberPreload.Start(database.ConnectForReading, database.IsSqliteFile, parse.GetValue(library)!, importFormat, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.Db();
            if (!await DbCommands.EnsureMigratedAsync(db, services, ct, members.DiscardAsync))
            {
                return 1;
            }

            var code = parse.GetValue(library)!;
            var libraryId = await db.Libraries.Where(l => l.Code == code).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
            if (libraryId is null)
            {
                await Console.Error.WriteLineAsync($"No library has the code '{code}'.");
                return 1;
            }

            var importer = scope.ServiceProvider.GetRequiredService<ActivityImporter>();
            var run = await RunWithProgressAsync(importer, new ImportRequest
            {
                LibraryId = libraryId.Value,
                Kind = importKind,
                Format = importFormat,
                Content = path.OpenRead(),
                FileName = path.Name,
                Channel = ImportChannels.Cli,
                RunBy = $"cli:{Environment.UserName}",
                Profile = overrides,
                Members = members,
            }, path.Length, ct);
            ImportSummary.Write(run);
            if (parse.GetValue(timings))
            {
                Console.WriteLine(string.Join(", ", importer.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalSeconds:F2} s"))));
            }
            return run.State == ImportState.Completed ? 0 : 1;
        });
        return command;
    }

    private static async Task<ImportRun> RunWithProgressAsync(ActivityImporter importer, ImportRequest request, long bytes, CancellationToken ct)
    {
        ImportRun? run = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Importing {Markup.Escape(request.FileName)}", maxValue: Math.Max(bytes, 1));
                var reporter = new Progress<ImportProgress>(p =>
                {
                    task.Value = p.Bytes;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Rows:N0} rows");
                });
                run = await importer.ImportAsync(request, reporter, ct);
                task.Value = task.MaxValue;
            });
        return run!;
    }
}

/// <summary>The closing summary of an import, for people and for the log of a scheduled job.</summary>
internal static class ImportSummary
{
    public static void Write(ImportRun run)
    {
        var i = CultureInfo.InvariantCulture;
        if (run.State == ImportState.Failed)
        {
            Console.Error.WriteLine($"Import {run.Id} failed: {Explain(run.Failure)}");
        }

        Console.WriteLine(string.Create(i, $"Import {run.Id} ({run.Kind}, {run.Format}) {run.State.ToString().ToLowerInvariant()} in {run.Duration?.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(i, $"  rows read {run.RowsRead:N0}, rejected {run.RowsRejected:N0}"));
        Console.WriteLine(string.Create(i, $"  loaded {run.RowsLoaded:N0}, already there {run.RowsDuplicate:N0}, unmatched {run.RowsUnmatched:N0}, anonymous {run.RowsAnonymous:N0}"));
        foreach (var error in run.Errors.Take(20))
        {
            Console.WriteLine(string.Create(i, $"  line {error.Line}{(error.Column is null ? "" : $", column {error.Column}")}: {ImportReasons.Describe(error.Reason)}"));
        }

        if (run.RowsRejected > 20)
        {
            Console.WriteLine(string.Create(i, $"  … {run.RowsRejected - 20:N0} more rejected rows: see the error report on the Imports page."));
        }
    }

    private static string Explain(string? failure)
    {
        if (failure is null)
        {
            return "unknown";
        }

        var reason = failure.Split(':', 2);
        return reason.Length == 2 ? $"{ImportReasons.Describe(reason[0])}:{reason[1]}" : ImportReasons.Describe(failure);
    }
}
