using System.CommandLine;
using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Medlem.Cli;

/// <summary>
/// The services a command needs, configured like the web host: appsettings.json in the current
/// folder, then environment variables (<c>Medlem__Database__Provider</c>, …), then the
/// <c>--provider</c> and <c>--connection</c> options.
/// </summary>
internal static class CliHost
{
    public static readonly Option<string?> Provider = new("--provider") { Description = "Sqlite or Postgres (default: configuration, else Sqlite)", Recursive = true };
    public static readonly Option<string?> Connection = new("--connection") { Description = "Connection string (default: configuration, else Data Source=./data/medlem.db)", Recursive = true };

    public static ServiceProvider Services(ParseResult parse)
    {
        var settings = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider)
        {
            settings[$"{DatabaseOptions.Section}:Provider"] = provider;
        }

        if (parse.GetValue(Connection) is { } connection)
        {
            settings[$"{DatabaseOptions.Section}:ConnectionString"] = connection;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        var environment = System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // EF logs a failed query of the migrations history on a new database as an error; the command says what matters itself.
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddMedlemCore(configuration, new CliEnvironment(environment));
        services.AddMedlemStorage(StorageSetup.ReadDatabaseOptions(configuration));
        services.AddMedlemDataProtection(StorageSetup.ReadDatabaseOptions(configuration));
        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        Medlem.Web.Features.Imports.ImportsSetup.AddKeptUploads(services);
        Medlem.Web.Features.Privacy.PrivacySetup.AddMedlemPrivacy(services, configuration);
        return services.BuildServiceProvider();
    }

    public static MedlemDbContext Db(this IServiceScope scope) => scope.ServiceProvider.GetRequiredService<MedlemDbContext>();

    private sealed class CliEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "medlem";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
