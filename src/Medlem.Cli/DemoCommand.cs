using System.CommandLine;
using System.Globalization;
using Medlem.Core.Consortium;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Medlem.Cli;

/// <summary><c>medlem demo --scale S</c>: load the synthetic demo consortium into an empty register.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var scale = new Option<double>("--scale") { Description = "Size relative to the real libraries (1 = Stavanger's ~60,000 members; 0.01 for tests)", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same consortium", DefaultValueFactory = _ => 2017 };
        var command = new Command("demo", "Load the demo consortium (synthetic people, calibrated to the libraries' figures) into an empty database.");
        command.Options.Add(scale);
        command.Options.Add(seed);
        command.Options.Add(CliHost.Provider);
        command.Options.Add(CliHost.Connection);
        command.SetAction(async (parse, ct) =>
        {
            var scaleValue = parse.GetValue(scale);
            if (scaleValue is <= 0 or > 10)
            {
                await Console.Error.WriteLineAsync("--scale must be above 0 and at most 10.");
                return 2;
            }

            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.Db();
            if (!await DbCommands.EnsureMigratedAsync(db, services, ct))
            {
                return 1;
            }

            if (await db.Libraries.AnyAsync(ct))
            {
                await Console.Error.WriteLineAsync("The database already holds libraries; the demo loads only into an empty register.");
                return 1;
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            await AnsiConsole.Status().StartAsync(
                string.Create(CultureInfo.InvariantCulture, $"Generating and loading the demo consortium at scale {scaleValue}…"),
                _ => DatabaseStartup.LoadDemoAsync(scope.ServiceProvider, scaleValue, parse.GetValue(seed), Console.Out, ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {started.Elapsed.TotalSeconds:F1} s."));
            return 0;
        });
        return command;
    }
}
