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
        services.AddSingleton(provider =>
            new KeptUploads(Path.Combine(Path.GetDirectoryName(provider.GetRequiredService<StatisticsStore>().Path)!, "imports")));
        services.AddScoped<ImportRunner>();
        services.AddActivityApiKeys();
        return services;
    }
}
