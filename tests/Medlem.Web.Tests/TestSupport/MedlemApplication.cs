using Medlem.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// The whole web application on a SQLite file of its own (migrated at start, as the embedded
/// default does), a fixed clock, and a log sink the privacy tests can search. Each test makes
/// its own, so no test sees another's data. The file sits in a folder of its own because what
/// lives beside it (the statistics store, kept uploads, Data Protection keys) would otherwise be
/// shared by every test application.
/// </summary>
public sealed class MedlemApplication : WebApplicationFactory<Program>
{
    /// <summary>The instant every test runs at: 28 November 2026, noon in Oslo.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(1));

    public FakeTimeProvider Clock { get; } = CreateClock();

    public CapturedLogs Logs { get; } = new();

    public string Environment { get; init; } = "Testing";

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>The folder of the SQLite file, where the statistics store and kept uploads live too.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "medlem-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(DataDirectory, "medlem.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Medlem:Database:Provider", "Sqlite");
        builder.UseSetting("Medlem:Database:ConnectionString", $"Data Source={DatabasePath}");
        builder.UseSetting("Medlem:Database:StatisticsPath", Path.Combine(DataDirectory, "statistics.duckdb"));
        builder.UseSetting("Medlem:Members:AllowSyntheticNationalIdentityNumbers", "true");
        builder.UseSetting("Medlem:Demo:LoadOnFirstStart", "false");
        // Mail without an SMTP server goes to this application's own folder, not the project's data/mail.
        builder.UseSetting("Medlem:Mail:PickupDirectory", Path.Combine(DataDirectory, "mail"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A scope on the application's services, for arranging data and reading what a request stored.</summary>
    public async Task<T> WithDbAsync<T>(Func<MedlemDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MedlemDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static FakeTimeProvider CreateClock()
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        return clock;
    }
}
