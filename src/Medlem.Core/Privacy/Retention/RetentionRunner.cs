using System.Text.Json;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Retention;

/// <summary>
/// Runs every retention rule for every library, one instance at a time (a <see cref="JobLease"/>
/// in the register), and records each run with its report — dry runs too.
/// </summary>
public sealed class RetentionRunner(MedlemDbContext db, IEnumerable<IRetentionRule> rules, RetentionOptions options, TimeProvider clock)
{
    public const string LeaseName = "retention";

    /// <summary>A run that crashed holds the lease at most this long.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromHours(1);

    /// <summary>Runs the rules; null when another instance holds the lease.</summary>
    public async Task<RetentionRun?> RunAsync(bool dryRun, string startedBy, CancellationToken ct)
    {
        var holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        if (!await JobLeases.TryAcquireAsync(db, LeaseName, holder, clock.GetUtcNow() + LeaseTime, clock, ct))
        {
            return null;
        }

        var run = new RetentionRun { StartedAt = clock.GetUtcNow(), DryRun = dryRun, StartedBy = startedBy };
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var results = new List<RetentionResult>();
        try
        {
            foreach (var library in await db.Libraries.AsNoTracking().OrderBy(l => l.Code).ToListAsync(ct))
            {
                var scope = new RetentionScope(library, options.For(library.Code), clock.GetUtcNow(), dryRun);
                foreach (var rule in rules)
                {
                    results.Add(new RetentionResult(library.Code, rule.Key, await rule.ApplyAsync(scope, ct)));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Failure = $"{ex.GetType().Name} after {results.Count} rule runs";
            throw;
        }
        finally
        {
            run.Report = JsonSerializer.Serialize(results);
            run.FinishedAt = clock.GetUtcNow();
            db.ChangeTracker.Clear();
            db.RetentionRuns.Update(run);
            await db.SaveChangesAsync(CancellationToken.None);
            await JobLeases.ReleaseAsync(db, LeaseName, holder, CancellationToken.None);
        }

        return run;
    }

    public static IReadOnlyList<RetentionResult> ReportOf(RetentionRun run) =>
        JsonSerializer.Deserialize<List<RetentionResult>>(run.Report) ?? [];
}

/// <summary>Leases on jobs, taken with a conditional update so two instances cannot both hold one.</summary>
public static class JobLeases
{
    public static async Task<bool> TryAcquireAsync(MedlemDbContext db, string name, string holder, DateTimeOffset until, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var end = until.ToUnixTimeMilliseconds();
        var taken = await db.JobLeases.Where(l => l.Name == name && l.UntilUnixMs < now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.UntilUnixMs, end), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Holder = holder, UntilUnixMs = end });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: it holds the lease.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static Task ReleaseAsync(MedlemDbContext db, string name, string holder, CancellationToken ct) =>
        db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UntilUnixMs, 0L), ct);
}
