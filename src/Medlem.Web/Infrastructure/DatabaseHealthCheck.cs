using Medlem.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Medlem.Web.Infrastructure;

/// <summary>Healthy when the register database answers.</summary>
internal sealed class DatabaseHealthCheck(MedlemDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The register database does not answer.");
}
