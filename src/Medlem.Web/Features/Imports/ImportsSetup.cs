using Medlem.Statistics;

namespace Medlem.Web.Features.Imports;

public static class ImportsSetup
{
    /// <summary>
    /// The import pages' and API's services. Kept uploads live in an <c>imports</c> folder beside the
    /// statistics store: the data folder the operator already backs up and protects.
    /// </summary>
    public static IServiceCollection AddMedlemImports(this IServiceCollection services)
    {
        services.AddKeptUploads();
        services.AddScoped<ImportRunner>();
        services.AddActivityApiKeys();
        return services;
    }

    /// <summary>The kept upload files and their retention rule (the command line's retention run needs them too).</summary>
    public static IServiceCollection AddKeptUploads(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            new KeptUploads(Path.Combine(Path.GetDirectoryName(provider.GetRequiredService<StatisticsStore>().Path)!, "imports")));
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, KeptUploadRetention>();
        return services;
    }
}
