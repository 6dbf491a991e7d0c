using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// The web's way into <see cref="ActivityImporter"/>, for the upload page, re-runs and the API.
/// <list type="bullet">
/// <item>An import is not tied to its request: a reader who closes the tab, or an API client that
/// times out after sending its batch, does not interrupt it. Only the application stopping does.</item>
/// <item>Every request carries an idempotency key, so its run can be found even when the importer
/// throws instead of returning it.</item>
/// <item>Content that cannot be read (a JSON array cut off, a request body that breaks off) makes
/// the importer throw rather than fail the run: it rolls back what it wrote to the statistics
/// store, but leaves the run "running" until the next import recovers it as interrupted. Such a
/// run is failed here at once, as <see cref="ImportReasons.Unreadable"/>. Content is read only
/// before the commit, so nothing of it was loaded.</item>
/// </list>
/// </summary>
public sealed class ImportRunner(
    ActivityImporter importer, MedlemDbContext db, KeptUploads kept, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ImportRunner> logger)
{
    public async Task<ImportRun> RunAsync(ImportRequest request)
    {
        if (request.IdempotencyKey is null)
        {
            throw new ArgumentException("The web gives every import an idempotency key.", nameof(request));
        }

        var stopping = lifetime.ApplicationStopping;
        ImportRun run;
        try
        {
            run = await importer.ImportAsync(request, progress: null, stopping);
        }
        catch (Exception ex) when (IsUnreadableContent(ex, stopping))
        {
            // The exception's message can quote the content; its type is enough to tell what happened.
            logger.LogWarning("An import for library {LibraryId} could not read its content ({ExceptionType}).", request.LibraryId, ex.GetType().Name);
            run = await FailUnreadableAsync(request.LibraryId, request.IdempotencyKey)
                ?? throw new InvalidOperationException("The import failed before it was recorded.", ex);
        }

        await kept.SweepAsync(db, CancellationToken.None);
        return run;
    }

    private async Task<ImportRun?> FailUnreadableAsync(int libraryId, string key)
    {
        // The importer's half-done work (keys it meant to save with the run) is not ours to save.
        db.ChangeTracker.Clear();
        var run = await db.ImportRuns.Include(r => r.Errors).SingleOrDefaultAsync(r => r.LibraryId == libraryId && r.IdempotencyKey == key);
        if (run is not { State: ImportState.Running })
        {
            return run;
        }

        run.State = ImportState.Failed;
        run.Failure = ImportReasons.Unreadable;
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return run;
    }

    private static bool IsUnreadableContent(Exception ex, CancellationToken stopping) => ex switch
    {
        JsonException or DecoderFallbackException or InvalidDataException or IOException or BadHttpRequestException => true,
        // A request body that breaks off can surface as a cancellation the application did not ask for.
        OperationCanceledException => !stopping.IsCancellationRequested,
        ChannelClosedException { InnerException: { } inner } => IsUnreadableContent(inner, stopping),
        AggregateException aggregate => aggregate.InnerExceptions.All(e => IsUnreadableContent(e, stopping)),
        _ => false,
    };
}
