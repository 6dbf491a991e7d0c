using DuckDB.NET.Data;

namespace Medlem.Statistics;

/// <summary>
/// Writes one import's facts, catalogue entries and counts straight into the store's tables,
/// inside one DuckDB transaction that <see cref="FactCommit"/> finishes. Until the commit no
/// query sees any of it; a process killed meanwhile leaves nothing, because DuckDB replays only
/// committed transactions. So there is no staging table to clean up: running the file again is
/// the whole recovery.
/// </summary>
public sealed class FactStaging : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly int _importId;
    private readonly short _libraryId;
    private readonly VectorAppender _facts;
    private DuckDBAppender? _titles;
    private DuckDBAppender? _events;
    private DuckDBAppender? _visits;
    private bool _completed;

    private FactStaging(DuckDBConnection connection, int importId, short libraryId, StatisticsNumbers numbers, int mostCandidates)
    {
        Filter = new KeyFilter(mostCandidates);
        _connection = connection;
        _importId = importId;
        _libraryId = libraryId;
        Numbers = numbers;
        _facts = new VectorAppender(connection, "fact_row");
    }

    public StatisticsNumbers Numbers { get; }

    /// <summary>The keys written, for the commit's search for repeats within the import.</summary>
    internal KeyFilter Filter { get; }

    public long Staged { get; private set; }

    internal long RenewalsStaged { get; private set; }

    internal long EventsStaged { get; private set; }

    internal long VisitsStaged { get; private set; }

    public DateOnly? FirstDay { get; private set; }

    public DateOnly? LastDay { get; private set; }

    /// <summary>Begins the import's transaction and reads the store's numbers for the library.</summary>
    public static Task<FactStaging> StartAsync(DuckDBConnection connection, long importId, short libraryId, CancellationToken ct = default) =>
        StartAsync(connection, importId, libraryId, KeyFilter.MostCandidates, ct);

    /// <summary>As <see cref="StartAsync(DuckDBConnection, long, short, CancellationToken)"/>, with the key filter's bound (<see cref="KeyFilter"/>): small in tests of a file that repeats itself.</summary>
    internal static async Task<FactStaging> StartAsync(DuckDBConnection connection, long importId, short libraryId, int mostCandidates, CancellationToken ct = default)
    {
        await connection.ExecuteAsync("BEGIN TRANSACTION", ct);
        try
        {
            var numbers = await StatisticsNumbers.LoadAsync(connection, libraryId, ct);
            return new FactStaging(connection, checked((int)importId), libraryId, numbers, mostCandidates);
        }
        catch
        {
            await connection.ExecuteAsync("ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    public void Append(ReadOnlySpan<Fact> facts)
    {
        // Each fact's filter word and counter are a random place in tens of megabytes: asked for some
        // facts ahead, their cache misses overlap instead of following one another.
        const int Ahead = 16;
        for (var i = 0; i < facts.Length; i++)
        {
            if (i + (2 * Ahead) < facts.Length && facts[i + (2 * Ahead)].Member is { } later)
            {
                // A counter's place is found through the member's slot: that is fetched first, further ahead.
                MemberCounts?.PrefetchSlot(later);
            }

            if (i + Ahead < facts.Length)
            {
                ref readonly var next = ref facts[i + Ahead];
                Filter.Prefetch(next.Key, next.Day);
                if (next.Match == MatchKind.Member)
                {
                    MemberCounts?.Prefetch(next.Member!.Value, next.Day, next.Kind);
                }
            }

            ref readonly var f = ref facts[i];
            var flags = StatisticsSchema.Flags(f);
            AppendRow(f, flags);
            BranchDays.Add(flags, f.Day);
            if (f.Match == MatchKind.Member)
            {
                // Sized by the members the import knows (read before its first fact): one resize at most.
                (MemberCounts ??= new MemberMonthCounts(Numbers.MemberCount + 1)).Add(f.Member!.Value, f.Day, f.Kind);
            }
            else if (f.Match == MatchKind.Unmatched)
            {
                VisitorFactsStaged++;
            }

            AttendancesStaged += f.Kind == FactKind.EventAttendance ? 1 : 0;
            if (f.Title != 0)
            {
                _titles ??= _connection.CreateAppender("title");
                _titles.CreateRow().AppendValue(f.Key).AppendValue(_libraryId).AppendValue(f.Day).AppendValue(f.Title).EndRow();
            }

            Filter.Add(f.Key, f.Day);
            RenewalsStaged += f.Kind == FactKind.Renewal ? 1 : 0;
            FirstDay = FirstDay is { } first && first <= f.Day ? first : f.Day;
            LastDay = LastDay is { } last && last >= f.Day ? last : f.Day;
        }

        Staged += facts.Length;
    }

    /// <summary>One packed row of <c>fact_row</c>, in <see cref="StatisticsSchema.Tables"/>'s column order.</summary>
    private void AppendRow(in Fact f, long flags)
    {
        _facts.Set(0, f.Key);
        _facts.Set(1, _importId);
        _facts.Set(2, _libraryId);
        _facts.Set(3, VectorAppender.Date(f.Day));
        SetOrNull(4, f.Member ?? f.Visitor);
        _facts.Set(5, flags);
        _facts.Set(6, StatisticsSchema.Codes(f));
        _facts.EndRow();
    }

    private void SetOrNull(int column, int? value)
    {
        if (value is { } v)
        {
            _facts.Set(column, v);
        }
        else
        {
            _facts.SetNull(column);
        }
    }

    /// <summary>
    /// The import's member facts counted per member, month and kind as they are written, so the
    /// commit need not group them again (<see cref="FactCommit"/>); null until the first member fact.
    /// </summary>
    internal MemberMonthCounts? MemberCounts { get; private set; }

    /// <summary>The import's facts counted per branch and day as they are written, for <c>branch_day</c> (<see cref="FactCommit"/>).</summary>
    internal BranchDayCounts BranchDays { get; } = new();

    /// <summary>Facts of people who are not members (keyed hashes): the commit adds <c>visitor_month</c> only when there are some.</summary>
    internal long VisitorFactsStaged { get; private set; }

    /// <summary>Event attendances: the commit adds <c>event_count</c> only when there are some.</summary>
    internal long AttendancesStaged { get; private set; }

    public void Append(EventEntry e)
    {
        _events ??= _connection.CreateAppender("event");
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
        EventsStaged++;
    }

    public void Append(VisitCount v)
    {
        _visits ??= _connection.CreateAppender("visit");
        _visits.CreateRow()
            .AppendValue(v.LibraryId)
            .AppendValue(v.BranchId)
            .AppendValue(v.Day)
            .AppendValue(v.Hour)
            .AppendValue(v.Count)
            .AppendValue(_importId)
            .EndRow();
        Staged++;
        VisitsStaged++;
    }

    /// <summary>Flushes the appenders into the transaction, with the new numbers.</summary>
    public void Complete()
    {
        _facts.Close();
        _titles?.Close();
        _events?.Close();
        _visits?.Close();
        Numbers.WriteNew(_connection);
        _completed = true;
    }

    internal bool IsComplete => _completed;

    /// <summary>Whether the transaction has ended, by commit or rollback.</summary>
    public bool IsCommittedOrRolledBack { get; internal set; }

    internal int ImportId => _importId;

    internal short LibraryId => _libraryId;

    /// <summary>Abandons the import: nothing it wrote remains.</summary>
    public async Task RollbackAsync()
    {
        try
        {
            Dispose();
        }
        catch (System.Data.Common.DbException)
        {
            // An appender flushes what it holds when disposed; in a transaction a failed append has
            // aborted that fails again. Nothing of it is kept, and the first error is the caller's.
        }

        IsCommittedOrRolledBack = true;
        await _connection.ExecuteAsync("ROLLBACK", CancellationToken.None);
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _facts.Dispose();
        }
        finally
        {
            try
            {
                _titles?.Dispose();
            }
            finally
            {
                try
                {
                    _events?.Dispose();
                }
                finally
                {
                    _visits?.Dispose();
                }
            }
        }
    }
}
