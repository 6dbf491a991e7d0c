using Medlem.Core.Insight;

namespace Medlem.Web.Features.Insight;

/// <summary>
/// Keeps the statistics store's copy of the memberships fresh in the background, so that a
/// dashboard seldom has to copy them on its own request (<see cref="InsightService"/> still copies
/// a roster that has grown older than <see cref="InsightOptions.MembersMaxAge"/>). Runs every half of
/// that age. With several web instances, each refreshes its own process's view of one shared file;
/// the copy is one transaction, so whichever runs last simply writes the same rows again.
/// </summary>
public sealed partial class RosterRefreshJob(IServiceScopeFactory scopes, InsightOptions options, ILogger<RosterRefreshJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.MembersMaxAge / 2;
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var copied = await scope.ServiceProvider.GetRequiredService<RosterSync>().RefreshAsync(every, stoppingToken);
                if (copied > 0)
                {
                    LogCopied(copied);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A locked store (the command line importing) or a database hiccup: try again next time.
                LogFailed(ex.GetType().Name); // the type only: a message could quote a value
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Copied the memberships of {Libraries} libraries to the statistics store")]
    private partial void LogCopied(int libraries);

    [LoggerMessage(LogLevel.Warning, "Copying the memberships to the statistics store failed ({Error}); trying again later")]
    private partial void LogFailed(string error);
}
