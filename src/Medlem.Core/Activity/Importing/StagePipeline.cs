using System.Threading.Channels;
using Medlem.Core.Activity.Mapping;
using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Importing;

/// <summary>What staging a file gave besides the facts: rows read, people not matched, patron links, members' use.</summary>
internal sealed class StageTotals(DateOnly today)
{
    public long Rows { get; set; }

    public long Unmatched { get; set; }

    public long Anonymous { get; set; }

    public Dictionary<string, MemberRef> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>The members' last use and loans in the facts staged, for the register's summaries.</summary>
    public ImportedUse Use { get; } = new(today);
}

/// <summary>
/// Reads, maps and stages a file on every core: one thread reads the file and copies rows into
/// batches; a mapper per core turns batches into facts; one thread applies the mapped batches to
/// the store, the report and the totals strictly in file order. Mapping (validation, matching,
/// keys) is most of an import's work, and on one thread it held a ten-million-row import to its
/// speed while the other core waited. Applying in order keeps the result exactly that of one
/// thread: the same facts in the same order, the same rejections listed, the later of two
/// catalogue entries or patron links winning.
/// </summary>
internal static class StagePipeline
{
    /// <summary>One mapper per core, each bound to the reader's columns before the reading starts.</summary>
    public static IReadOnlyList<RowMapper> Mappers(ImportKind kind, IRecordReader reader, MappingProfile profile) =>
        [.. Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ =>
        {
            var mapper = RowMappers.For(kind);
            mapper.Bind(reader, profile);
            return mapper;
        })];

    public static async Task<StageTotals> RunAsync(
        IRecordReader reader, IReadOnlyList<RowMapper> mappers, ImportContext context, FactStaging staging, ImportInput input,
        ImportReport report, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var workers = mappers.Count;
        var width = mappers[0].Width;
        var columns = mappers[0].Columns;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var toMap = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var inOrder = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(workers * 3) { SingleWriter = true, SingleReader = true });
        var free = Channel.CreateUnbounded<RowBatch>();
        var totals = new StageTotals(context.Today);

        var read = Task.Run(async () =>
        {
            try
            {
                var batch = new RowBatch(width, columns);
                while (reader.MoveNext())
                {
                    batch.Copy(reader);
                    totals.Rows++;
                    if ((totals.Rows & 0xFFFF) == 0)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        progress?.Report(new ImportProgress(totals.Rows, input.BytesRead));
                    }

                    if (batch.IsFull)
                    {
                        await PostAsync(batch);
                        batch = free.Reader.TryRead(out var empty) ? empty : new RowBatch(width, columns);
                    }
                }

                if (batch.Count > 0)
                {
                    await PostAsync(batch);
                }

                progress?.Report(new ImportProgress(totals.Rows, input.BytesRead));
            }
            finally
            {
                toMap.Writer.TryComplete();
                inOrder.Writer.TryComplete();
            }
        }, stop.Token);

        async Task PostAsync(RowBatch batch)
        {
            // Its place in the order first: a mapper may finish it before the next is posted.
            await inOrder.Writer.WriteAsync(batch, stop.Token);
            await toMap.Writer.WriteAsync(batch, stop.Token);
        }

        var mapping = mappers.Select(mapper => Task.Run(async () =>
        {
            await foreach (var batch in toMap.Reader.ReadAllAsync(stop.Token))
            {
                try
                {
                    batch.Map(mapper, context);
                    batch.Mapped.SetResult();
                }
                catch (Exception ex)
                {
                    batch.Mapped.SetException(ex);
                    throw;
                }
            }
        }, stop.Token)).ToList();

        var apply = Task.Run(async () =>
        {
            await foreach (var batch in inOrder.Reader.ReadAllAsync(stop.Token))
            {
                await batch.Mapped.Task.WaitAsync(stop.Token);
                var facts = batch.Facts.AsSpan(0, batch.FactCount);
                staging.Append(facts);
                totals.Use.Add(facts);
                batch.Events.ForEach(staging.Append);
                batch.Visits.ForEach(staging.Append);
                foreach (var (line, column, value, reason) in batch.Rejections)
                {
                    report.Reject(line, column, value, reason);
                }

                foreach (var (externalId, member) in batch.Links)
                {
                    totals.Links[externalId] = member;
                }

                totals.Unmatched += batch.Unmatched;
                totals.Anonymous += batch.Anonymous;
                batch.Reset();
                free.Writer.TryWrite(batch);
            }
        }, stop.Token);

        var all = new List<Task>(mapping) { read, apply };
        try
        {
            // The first failure stops the others (a full disk while appending, a broken stream while
            // reading) and is the one thrown.
            while (all.Count > 0)
            {
                var done = await Task.WhenAny(all);
                all.Remove(done);
                if (done.IsFaulted || done.IsCanceled)
                {
                    await stop.CancelAsync();
                    await Task.WhenAll(all).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    await done;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        return totals;
    }
}
