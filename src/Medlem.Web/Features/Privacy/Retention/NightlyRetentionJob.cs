using Medlem.Core.Data;
using Medlem.Core.Privacy.Retention;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Privacy.Retention;

/// <summary>
/// Runs the retention rules once a night, after <see cref="RunAfter"/> local time: every ten
/// minutes it looks whether tonight's run has been made (by this or another instance) and makes it
/// if not; the runner's lease keeps two instances from running at once.
/// </summary>
public sealed partial class NightlyRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NightlyRetentionJob> log) : BackgroundService
{
    public static readonly TimeOnly RunAfter = new(2, 30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex.GetType().Name);
            }
        }
    }

    /// <summary>Runs the rules when tonight's time has come and no run (not a dry one) started since.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetLocalNow();
        var tonight = new DateTimeOffset(now.Date.Add(RunAfter.ToTimeSpan()), now.Offset);
        if (now < tonight)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var last = await db.RetentionRuns.AsNoTracking().Where(r => !r.DryRun).OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.StartedAt).FirstOrDefaultAsync(ct);
        if (last >= tonight)
        {
            return false;
        }

        var run = await scope.ServiceProvider.GetRequiredService<RetentionRunner>().RunAsync(dryRun: false, "nightly", ct);
        if (run is not null)
        {
            LogRan(run.Id);
        }

        return run is not null;
    }

    [LoggerMessage(LogLevel.Information, "Nightly retention run {RunId} done")]
    private partial void LogRan(long runId);

    [LoggerMessage(LogLevel.Warning, "Nightly retention run failed: {Error}; trying again in ten minutes")]
    private partial void LogFailed(string error);
}
