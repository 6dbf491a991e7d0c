using System.Diagnostics;
using System.Security.Cryptography;
using Medlem.Core.Activity.Mapping;
using Medlem.Core.Activity.Reading;
using Medlem.Core.Data;
using Medlem.Statistics;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Activity.Importing;

/// <summary>
/// Imports one file or batch: reads it (<see cref="ImportInput"/>), maps each row on every core
/// (<see cref="RowMapper"/>, <see cref="StagePipeline"/>), matches members, stages the facts in the
/// statistics store and commits them in one transaction (<see cref="FactCommit"/>), then records
/// the import and its rejected rows in the register.
/// <para>
/// Crash safety: everything an import writes to the statistics store is one DuckDB transaction,
/// with the record of it in <c>import_batch</c>; a process killed before the commit leaves
/// nothing there. An import the register still shows as running when the next import starts is
/// finished from that record, or marked interrupted, so running the file again completes it
/// (its facts' keys make a rerun change nothing twice).
/// </para>
/// </summary>
public sealed class ActivityImporter(MedlemDbContext db, StatisticsStore store, TimeProvider clock)
{
    /// <summary>
    /// One import at a time in a process (DuckDB's file lock keeps other processes out meanwhile),
    /// and no roster copy (<see cref="Medlem.Core.Insight.RosterSync"/>) beside it: both give new
    /// pseudonyms the store's next number.
    /// </summary>
    internal static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Time of each step of the last import, for <c>medlem bench import</c>.</summary>
    public Dictionary<string, TimeSpan> Phases { get; } = [];

    private void Lap(string step, Stopwatch clock)
    {
        Phases[step] = clock.Elapsed;
        clock.Restart();
    }

    public async Task<ImportRun> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            return await RunAsync(request, progress, ct);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<ImportRun> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (request.IdempotencyKey is { } key
            && await db.ImportRuns.Include(r => r.Errors).FirstOrDefaultAsync(r => r.LibraryId == request.LibraryId && r.IdempotencyKey == key, ct) is { } earlier)
        {
            return earlier;
        }

        var library = await db.Libraries.AsNoTracking().Include(l => l.Branches).SingleAsync(l => l.Id == request.LibraryId, ct);
        var run = new ImportRun
        {
            LibraryId = library.Id,
            Kind = request.Kind,
            Format = request.Format,
            Channel = request.Channel,
            FileName = Path.GetFileName(request.FileName),
            FileHash = "",
            IdempotencyKey = request.IdempotencyKey,
            RunBy = request.RunBy,
            StartedAt = clock.GetUtcNow(),
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);

        await using var duck = await store.OpenAsync(ct);
        if (await RecoverInterruptedAsync(duck, run.Id, ct) && request.Members is { } preload)
        {
            // Finishing an interrupted import wrote summaries the members were read with.
            await preload.DiscardAsync();
        }

        var report = new ImportReport();
        try
        {
            var summaryWrite = await ImportFileAsync(request, run, library, duck, report, progress, ct);

            // The register's summaries may still be written while DuckDB checkpoints the import on
            // closing. The import is committed in the store already; a crash before the summaries are
            // saved is finished by the next import (RecoverInterruptedAsync).
            var closing = Stopwatch.StartNew();
            await duck.DisposeAsync();
            await summaryWrite;
            Phases["closing the store, writing the summaries"] = closing.Elapsed;
            run.State = ImportState.Completed;
        }
        catch (ImportFileException ex)
        {
            run.State = ImportState.Failed;
            run.Failure = ex.Detail is null ? ex.Reason : $"{ex.Reason}: {ex.Detail}";
        }
        catch (Exception ex) when (ex is IOException or System.Text.DecoderFallbackException or InvalidDataException)
        {
            // A stream that breaks off (an upload cut short) is a file that could not be read.
            run.State = ImportState.Failed;
            run.Failure = $"{ImportReasons.Unreadable}: {ex.GetType().Name}";
        }
        catch (OperationCanceledException)
        {
            run.State = ImportState.Failed;
            run.Failure = ImportReasons.Interrupted;
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        run.RowsRejected = report.Rejected;
        run.Errors.AddRange(report.Listed);
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        return run;
    }

    /// <returns>The register summaries' write, running (or a finished task): the caller awaits it after closing the store.</returns>
    private async Task<Task> ImportFileAsync(
        ImportRequest request, ImportRun run, Consortium.Library library, DuckDBConnection duck, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var input = ImportInput.Open(request.Content);
        using var reader = RecordReaders.Open(input);
        var profile = DefaultProfiles.For(request.Kind, request.Format, input.Layout).With(request.Profile);
        var mappers = StagePipeline.Mappers(request.Kind, reader, profile);

        var phase = Stopwatch.StartNew();
        var keys = new StatisticsKeys(db, clock);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone);
        var events = request.Kind == ImportKind.Attendance ? await LoadEventsAsync(duck, library.Id, ct) : new Dictionary<string, EventEntry>();
        var factSecret = await keys.FactSecretAsync(ct);
        await StatisticsOwnership.EnsureOwnedByAsync(duck, store.Path, Convert.ToHexStringLower(SHA256.HashData(factSecret))[..16], ct);
        using var visitors = new VisitorHashes(await keys.VisitorSecretsAsync(ct));

        var staging = await FactStaging.StartAsync(duck, run.Id, (short)library.Id, ct);
        StageTotals staged;
        var summaryWrite = Task.CompletedTask;
        var storeCommitted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var (members, summaries) = await MemberIndexLoader.LoadAsync(db, library.Id, request.Format, mappers[0].References, staging.Numbers, request.Members, ct);
            var context = new ImportContext
            {
                LibraryId = (short)library.Id,
                Branches = new BranchIndex(library.Branches.Select(b => (b.Code, (short)b.Id)), profile.Branches),
                Members = members,
                Keys = new FactKeys(factSecret, (short)library.Id),
                Visitors = visitors,
                Numbers = staging.Numbers,
                Profile = profile,
                Zone = zone,
                Today = Today(zone),
                Events = events,
            };
            Lap("context", phase);

            staged = await StagePipeline.RunAsync(reader, mappers, context, staging, input, report, progress, ct);
            run.RowsRead = staged.Rows;
            staging.Complete();
            Lap("stage", phase);

            run.FileHash = input.FinishHash();
            run.Bytes = input.BytesRead;
            if (run.RowsRead == 0)
            {
                throw new ImportFileException(ImportReasons.EmptyFile);
            }

            if (report.Rejected == run.RowsRead && report.ByReason.Keys.All(r => r == ImportReasons.Branch))
            {
                throw new ImportFileException(ImportReasons.OtherLibrary);
            }

            // The month's visitor keys reach the register before the facts hashed with them reach the
            // store: after a crash between the two, the next import must find the key, or the same
            // device would become a second visitor in the same month.
            await keys.SaveNewAsync(ct);
            if (request.Kind == ImportKind.Patrons)
            {
                // Patron links live in the register; the statistics store gets nothing.
                await staging.RollbackAsync();
            }
            else
            {
                var repeats = await FactCommit.RemoveRepeatsAsync(duck, staging, ct);
                Lap("repeats", phase);
                if (IsUse(request.Kind))
                {
                    // The summaries come from the import's own figures and the store's other facts (or,
                    // when repeats were removed, from the transaction's facts as they will be committed),
                    // and are written to the register while the store adds the aggregates: two databases,
                    // two cores. The register's transaction commits only after the store's.
                    var today = context.Today;
                    var changes = repeats == 0
                        ? await ActivitySummaryRefresh.ChangesAsync(duck, library.Id, summaries, staged.Use, run.Id, today, ct)
                        : await ActivitySummaryRefresh.ChangesAsync(duck, library.Id, summaries, await ActivitySummaryRefresh.MembersOfAsync(duck, run.Id, ct), today, ct);
                    Lap("register summary", phase);
                    summaryWrite = Task.Run(() => ActivitySummaryRefresh.WriteAsync(db, changes, today, storeCommitted.Task, ct), CancellationToken.None);
                }

                var commit = await CommitBesideAsync(duck, staging, repeats, summaryWrite, ct);
                storeCommitted.SetResult(true);
                Lap("commit", phase);
                run.RowsLoaded = commit.Loaded;
                run.RowsDuplicate = commit.Duplicates;
            }
        }
        catch
        {
            if (!staging.IsCommittedOrRolledBack)
            {
                await staging.RollbackAsync();
            }

            // The register's summaries are rolled back with the store, and the context is free again
            // before the caller records the failure with it.
            storeCommitted.TrySetResult(false);
            await summaryWrite.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        finally
        {
            staging.Dispose();
        }

        run.RowsUnmatched = staged.Unmatched;
        run.RowsAnonymous = staged.Anonymous;
        if (request.Kind == ImportKind.Patrons)
        {
            (run.RowsLoaded, run.RowsDuplicate) = await SaveLinksAsync(library.Id, request.Format, staged.Links, ct);
        }

        return summaryWrite;
    }

    /// <summary>
    /// Commits the store. While the register's summaries are being written, DuckDB runs the commit's
    /// statements on one core fewer, leaving one to SQLite: two databases on all cores each made the
    /// commit of ten million rows about 0.3 s longer (docs/benchmarks.md). DuckDB's thread count is
    /// the instance's, so it is given back at once.
    /// </summary>
    private static async Task<CommitResult> CommitBesideAsync(DuckDBConnection duck, FactStaging staging, long repeats, Task summaryWrite, CancellationToken ct)
    {
        if (summaryWrite.IsCompleted || Environment.ProcessorCount < 2)
        {
            return await FactCommit.CommitAsync(duck, staging, repeats, ct);
        }

        await duck.ExecuteAsync($"SET threads = {Environment.ProcessorCount - 1}", ct);
        try
        {
            return await FactCommit.CommitAsync(duck, staging, repeats, ct);
        }
        finally
        {
            await duck.ExecuteAsync("RESET threads", CancellationToken.None);
        }
    }

    /// <summary>Kinds whose facts are use of the library, kept in the register's activity summary.</summary>
    private static bool IsUse(ImportKind kind) => kind is ImportKind.Loans or ImportKind.Attendance or ImportKind.Wifi or ImportKind.DigitalLoans;

    private DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>
    /// Saves the patron links in one transaction: new links through one prepared INSERT (a
    /// patrons export of a large library has hundreds of thousands), moved ones through EF.
    /// </summary>
    private async Task<(long Loaded, long Unchanged)> SaveLinksAsync(int libraryId, ImportFormat system, Dictionary<string, MemberRef> links, CancellationToken ct)
    {
        var existing = await db.SourceIdentities.Where(s => s.LibraryId == libraryId && s.System == system).ToDictionaryAsync(s => s.ExternalId, StringComparer.Ordinal, ct);
        var added = new List<SourceIdentity>();
        long moved = 0;
        foreach (var (externalId, member) in links)
        {
            if (!existing.TryGetValue(externalId, out var identity))
            {
                added.Add(new SourceIdentity { LibraryId = libraryId, System = system, ExternalId = externalId, MembershipId = member.MembershipId });
            }
            else if (identity.MembershipId != member.MembershipId)
            {
                identity.MembershipId = member.MembershipId;
                moved++;
            }
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await new BulkWriter(db).WriteAsync(added, every: 10_000, _ => { }, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var loaded = added.Count + moved;
        return (loaded, links.Count - loaded);
    }

    private static async Task<IReadOnlyDictionary<string, EventEntry>> LoadEventsAsync(DuckDBConnection duck, int libraryId, CancellationToken ct)
    {
        var events = await duck.QueryAsync(
            $"SELECT event_id, title, category, audience, starts_at, branch_id FROM event WHERE library_id = {libraryId}",
            r => new EventEntry((short)libraryId, r.GetString(0), r.GetString(1), r.GetString(2), (Audience)r.GetByte(3), r.GetDateTime(4), r.IsDBNull(5) ? null : r.GetInt16(5)),
            ct);
        return events.ToDictionary(e => e.EventId, StringComparer.Ordinal);
    }

    /// <summary>
    /// Imports the register still shows as running were interrupted (only one runs at a time):
    /// finished from the statistics store's record when their commit happened (the activity
    /// summary of their members included, which the crash may have cut off), else marked
    /// interrupted (their uncommitted writes are already gone).
    /// </summary>
    /// <returns>Whether there was one.</returns>
    private async Task<bool> RecoverInterruptedAsync(DuckDBConnection duck, long currentId, CancellationToken ct)
    {
        var interrupted = await db.ImportRuns.Where(r => r.State == ImportState.Running && r.Id != currentId).ToListAsync(ct);
        foreach (var run in interrupted)
        {
            var committed = await duck.QueryAsync(
                $"SELECT staged, loaded FROM import_batch WHERE import_id = {run.Id}", r => (Staged: r.GetInt64(0), Loaded: r.GetInt64(1)), ct);
            if (committed.Count == 1)
            {
                if (IsUse(run.Kind))
                {
                    var current = await ActivitySummaryRefresh.CurrentAsync(db, duck, run.LibraryId, ct);
                    var members = await ActivitySummaryRefresh.MembersOfAsync(duck, run.Id, ct);
                    await ActivitySummaryRefresh.RunAsync(db, duck, run.LibraryId, current, members, Today(TimeZoneInfo.FindSystemTimeZoneById(new MappingProfile().TimeZone)), ct);
                }

                run.State = ImportState.Completed;
                run.RowsLoaded = committed[0].Loaded;
                run.RowsDuplicate = committed[0].Staged - committed[0].Loaded;
            }
            else
            {
                run.State = ImportState.Failed;
                run.Failure = ImportReasons.Interrupted;
            }

            run.FinishedAt ??= clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return interrupted.Count > 0;
    }
}
