using DuckDB.NET.Data;

namespace Medlem.Statistics;

/// <summary>
/// Writes one import's facts, events or counts into its own staging tables with DuckDB's
/// appender. Staged rows are invisible to every query until <see cref="FactCommit"/> moves them
/// in one transaction; a process killed while staging leaves only a staging table, which the
/// next run of the same import drops and writes again.
/// </summary>
public sealed class FactStaging : IDisposable
{
    private readonly DuckDBAppender _facts;
    private readonly DuckDBConnection _connection;
    private readonly long _importId;
    private DuckDBAppender? _events;
    private DuckDBAppender? _visits;

    private FactStaging(DuckDBConnection connection, long importId)
    {
        _connection = connection;
        _importId = importId;
        _facts = connection.CreateAppender(StatisticsSchema.StagingFact(importId));
    }

    public long Staged { get; private set; }

    /// <summary>Starts (or restarts) staging for an import: earlier staging of the same import is dropped.</summary>
    public static async Task<FactStaging> StartAsync(DuckDBConnection connection, long importId, CancellationToken ct = default)
    {
        await DropAsync(connection, importId, ct);
        await connection.ExecuteAsync($"""
            CREATE TABLE {StatisticsSchema.StagingFact(importId)} ({StatisticsSchema.FactColumns});
            CREATE TABLE {StatisticsSchema.StagingEvent(importId)} ({StatisticsSchema.EventColumns});
            CREATE TABLE {StatisticsSchema.StagingVisit(importId)} ({StatisticsSchema.VisitColumns});
            """, ct);
        return new FactStaging(connection, importId);
    }

    public static Task DropAsync(DuckDBConnection connection, long importId, CancellationToken ct = default) =>
        connection.ExecuteAsync($"""
            DROP TABLE IF EXISTS {StatisticsSchema.StagingFact(importId)};
            DROP TABLE IF EXISTS {StatisticsSchema.StagingEvent(importId)};
            DROP TABLE IF EXISTS {StatisticsSchema.StagingVisit(importId)};
            """, ct);

    public void Append(ReadOnlySpan<Fact> facts)
    {
        foreach (ref readonly var f in facts)
        {
            _facts.CreateRow()
                .AppendValue(f.Key)
                .AppendValue(_importId)
                .AppendValue(f.LibraryId)
                .AppendValue(f.BranchId)
                .AppendValue(f.Day)
                .AppendValue((byte)f.Kind)
                .AppendValue((byte)f.Match)
                .AppendValue(f.Member)
                .AppendValue(f.Visitor)
                .AppendValue((byte?)f.AgeBand)
                .AppendValue(f.MembershipTypeId)
                .AppendValue(f.Media)
                .AppendValue(f.Category)
                .AppendValue(f.EventId)
                .AppendValue((byte?)f.Audience)
                .AppendValue(f.Minutes)
                .AppendValue(f.Title)
                .EndRow();
        }

        Staged += facts.Length;
    }

    public void Append(EventEntry e)
    {
        _events ??= _connection.CreateAppender(StatisticsSchema.StagingEvent(_importId));
        _events.CreateRow()
            .AppendValue(e.LibraryId)
            .AppendValue(e.EventId)
            .AppendValue(e.Title)
            .AppendValue(e.Category)
            .AppendValue((byte)e.Audience)
            .AppendValue(e.StartsAt)
            .AppendValue(DateOnly.FromDateTime(e.StartsAt))
            .AppendValue(e.BranchId)
            .AppendValue(_importId)
            .EndRow();
        Staged++;
    }

    public void Append(VisitCount v)
    {
        _visits ??= _connection.CreateAppender(StatisticsSchema.StagingVisit(_importId));
        _visits.CreateRow()
            .AppendValue(v.LibraryId)
            .AppendValue(v.BranchId)
            .AppendValue(v.Day)
            .AppendValue(v.Hour)
            .AppendValue(v.Count)
            .AppendValue(_importId)
            .EndRow();
        Staged++;
    }

    /// <summary>Flushes the appenders; staged rows then sit in the staging tables on disk.</summary>
    public void Complete()
    {
        _facts.Close();
        _events?.Close();
        _visits?.Close();
    }

    public void Dispose()
    {
        _facts.Dispose();
        _events?.Dispose();
        _visits?.Dispose();
    }
}
