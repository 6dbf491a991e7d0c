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
/// its own, so no test sees another's data.
/// </summary>
public sealed class MedlemApplication : WebApplicationFactory<Program>
{
    /// <summary>The instant every test runs at: 28 November 2026, noon in Oslo.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(1));

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "medlem-tests", $"{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = CreateClock();

    public CapturedLogs Logs { get; } = new();

    public string Environment { get; init; } = "Testing";

    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Medlem:Database:Provider", "Sqlite");
        builder.UseSetting("Medlem:Database:ConnectionString", $"Data Source={_databasePath}");
        builder.UseSetting("Medlem:Members:AllowSyntheticNationalIdentityNumbers", "true");
        builder.UseSetting("Medlem:Demo:LoadOnFirstStart", "false");
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
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static FakeTimeProvider CreateClock()
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        return clock;
    }
}
