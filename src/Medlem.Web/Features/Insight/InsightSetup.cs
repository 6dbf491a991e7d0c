namespace Medlem.Web.Features.Insight;

public static class InsightSetup
{
    /// <summary>The insight pages' and API's own services (the dashboard itself is Core's <c>InsightService</c>).</summary>
    public static IServiceCollection AddMedlemInsight(this IServiceCollection services) =>
        services.AddScoped<ResolveInsightFilter>().AddHostedService<RosterRefreshJob>();
}
