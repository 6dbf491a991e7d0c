using Medlem.Core.Consortium;
using Microsoft.Data.Sqlite;

namespace Medlem.Web.Tests.Cli;

[CollectionDefinition(nameof(SharedConsole), DisableParallelization = true)]
public sealed class SharedConsole;

/// <summary>
/// The <c>medlem</c> command run in-process against a folder of its own (the SQLite file, and the
/// statistics store and keys beside it). It writes to the console, so these tests run alone.
/// </summary>
[Collection(nameof(SharedConsole))]
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medlem-tests", $"cli-{Guid.NewGuid():N}");

    public CliTests() => Directory.CreateDirectory(_folder);

    private string Connection => $"Data Source={Path.Combine(_folder, "medlem.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task DbMigrate_Demo_AndStaffAdd_WorkOnANewDatabase_AndTheDemoRefusesAFullOne()
    {
        var (migrated, migrateOutput) = await RunAsync("db", "migrate", "--connection", Connection);
        Assert.Equal(0, migrated);
        // Every migration of the SQLite migrations assembly is applied to a new database.
        var migrations = typeof(Medlem.Migrations.Sqlite.DesignTimeFactory).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
        Assert.True(migrations >= 2);
        Assert.Contains($"Applied {migrations} migration(s)", migrateOutput, StringComparison.Ordinal);

        var (status, statusOutput) = await RunAsync("db", "status", "--connection", Connection);
        Assert.Equal(0, status);
        Assert.Contains("applied  ", statusOutput, StringComparison.Ordinal);

        var (demo, demoOutput) = await RunAsync("demo", "--scale", "0.01", "--connection", Connection);
        Assert.Equal(0, demo);
        Assert.Contains("skranke.stavanger", demoOutput, StringComparison.Ordinal);

        var (again, _) = await RunAsync("demo", "--scale", "0.01", "--connection", Connection);
        Assert.Equal(1, again);

        var (added, addedOutput) = await RunAsync("staff", "add", "--library", "bergen", "--user", "Ny.Admin", "--name", "Ny Admin", "--roles", "Administrator", "Analyst", "--connection", Connection);
        Assert.Equal(0, added);
        Assert.Contains("Created ny.admin (Analyst, Administrator)", addedOutput, StringComparison.Ordinal);
        Assert.Contains("Password (shown once):", addedOutput, StringComparison.Ordinal);

        var (unknownLibrary, _) = await RunAsync("staff", "add", "--library", "oslo", "--user", "x", "--name", "X", "--roles", "Desk", "--connection", Connection);
        Assert.Equal(1, unknownLibrary);
    }

    [Fact]
    public async Task StaffAdd_WithPasswordStdin_RefusesAShortPassword_AndTakesALongOne()
    {
        Assert.Equal(0, (await RunAsync("demo", "--scale", "0.01", "--connection", Connection)).Exit);
        var args = new[] { "staff", "add", "--library", "stavanger", "--user", "ny.skranke", "--name", "Ny", "--roles", "Desk", "--password-stdin", "--connection", Connection };

        var (shortExit, shortOutput) = await RunAsync(args, stdin: "kort\n");
        Assert.Equal(1, shortExit);
        Assert.Contains("at least 12 characters", shortOutput, StringComparison.Ordinal);

        var (longExit, longOutput) = await RunAsync(args, stdin: "et-langt-passord-2026\n");
        Assert.Equal(0, longExit);
        Assert.DoesNotContain("et-langt-passord-2026", longOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_RefusesANonsensicalScale()
    {
        var (exit, _) = await RunAsync("demo", "--scale", "0", "--connection", Connection);
        Assert.Equal(2, exit);
    }

    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => RunAsync(args, stdin: "");

    internal static async Task<(int Exit, string Output)> RunAsync(string[] args, string stdin)
    {
        var output = new StringWriter();
        var (originalOut, originalError, originalIn) = (Console.Out, Console.Error, Console.In);
        Console.SetOut(output);
        Console.SetError(output);
        Console.SetIn(new StringReader(stdin));
        try
        {
            var exit = await Medlem.Cli.Program.Build().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Console.SetIn(originalIn);
        }
    }
}
