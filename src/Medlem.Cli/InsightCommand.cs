using System.CommandLine;
using System.Globalization;
using Medlem.Core.Insight;
using Medlem.Statistics.Insight;
using Medlem.Web.Features.Insight.Exports;
using Medlem.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary>
/// <c>medlem insight report --library &lt;code&gt; --year &lt;y&gt; [--format md|csv|xlsx] [--output file]</c>:
/// a library's (or with <c>--library all</c> the consortium's) insight report for a year, with the
/// same tables, suppression and texts as the staff dashboard. Markdown and CSV go to the console
/// unless <c>--output</c> names a file; xlsx needs it.
/// </summary>
internal static class InsightCommand
{
    public static Command Build()
    {
        var library = new Option<string>("--library") { Description = "The library's code, or 'all' for the whole consortium", Required = true };
        var year = new Option<int?>("--year") { Description = "The calendar year (default: last year)" };
        var period = new Option<string?>("--period") { Description = "Instead of --year: 2026-Q3, 2026-05 or 12m (the last twelve months)" };
        var format = new Option<string>("--format") { Description = "md, csv or xlsx", DefaultValueFactory = _ => "md" };
        var output = new Option<FileInfo?>("--output") { Description = "File to write (default: the console; required for xlsx)" };
        var language = new Option<string>("--language") { Description = "nb (Bokmål) or en", DefaultValueFactory = _ => "nb" };
        var national = new Option<bool>("--national") { Description = "Only the figures reported to Nasjonalbiblioteket" };
        var report = new Command("report", "Write the insight report of a library and year.");
        foreach (var option in new Option[] { library, year, period, format, output, language, national, CliHost.Provider, CliHost.Connection })
        {
            report.Options.Add(option);
        }

        report.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(format)!.ToLowerInvariant();
            if (kind is not ("md" or "csv" or "xlsx"))
            {
                await Console.Error.WriteLineAsync($"Unknown format '{kind}': use md, csv or xlsx.");
                return 2;
            }

            if (kind == "xlsx" && parse.GetValue(output) is null)
            {
                await Console.Error.WriteLineAsync("An xlsx report needs --output <file>.");
                return 2;
            }

            var culture = CultureInfo.GetCultureInfo(parse.GetValue(language) == "en" ? "en-GB" : "nb-NO");
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.Db();
            if (!await DbCommands.EnsureMigratedAsync(db, services, ct))
            {
                return 1;
            }

            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetLocalNow().Date);
            var chosen = parse.GetValue(period) is { } text ? InsightPeriod.Parse(text, today)
                : InsightPeriod.Year(parse.GetValue(year) ?? today.Year - 1);
            if (chosen is null)
            {
                await Console.Error.WriteLineAsync($"Unknown period '{parse.GetValue(period)}': use 2026, 2026-Q3, 2026-05 or 12m.");
                return 2;
            }

            short? libraryId = null;
            var code = parse.GetValue(library)!;
            if (!code.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                var found = await db.Libraries.AsNoTracking().Where(l => l.Code == code).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
                if (found is null)
                {
                    await Console.Error.WriteLineAsync($"No library with code '{code}'.");
                    return 1;
                }

                libraryId = (short)found.Value;
            }

            var dashboard = await scope.ServiceProvider.GetRequiredService<InsightService>()
                .GetAsync(new InsightScope(libraryId), chosen, culture.TwoLetterISOLanguageName, ct);
            var texts = new JsonTexts(Path.Combine(AppContext.BaseDirectory, "Resources"));
            var tables = parse.GetValue(national) ? InsightExports.NationalTables : null;
            var file = parse.GetValue(output);
            if (kind == "md")
            {
                var markdown = InsightExports.WriteMarkdown(dashboard, texts, tables);
                if (file is null)
                {
                    Console.Out.Write(markdown);
                }
                else
                {
                    await File.WriteAllTextAsync(file.FullName, markdown, ct);
                }

                return 0;
            }

            await using var stream = file is null ? Console.OpenStandardOutput() : File.Create(file.FullName);
            await (kind == "csv"
                ? InsightExports.WriteCsvAsync(dashboard, texts, stream, tables, ct)
                : InsightExports.WriteXlsxAsync(dashboard, texts, stream, tables, ct));
            return 0;
        });

        var insight = new Command("insight", "User insight: reports of the dashboard's figures.");
        insight.Subcommands.Add(report);
        return insight;
    }
}
