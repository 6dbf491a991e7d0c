using System.Threading.Channels;
using Medlem.Core.Activity.Mapping;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Importing;

/// <summary>A piece of staged work handed from the parsing thread to the appending thread.</summary>
internal sealed class StagingChunk(int capacity)
{
    public Fact[] Facts { get; } = new Fact[capacity];

    public int Count { get; set; }

    public List<EventEntry> Events { get; } = [];

    public List<VisitCount> Visits { get; } = [];

    public bool IsFull => Count == Facts.Length;

    public void Clear()
    {
        Count = 0;
        Events.Clear();
        Visits.Clear();
    }
}

/// <summary>
/// Collects mapped rows into chunks for the appender on another thread (parsing and appending
/// each take one of this machine's two cores), and counts what the import report needs.
/// </summary>
internal sealed class StagingSink(ChannelWriter<StagingChunk> output, ChannelReader<StagingChunk> recycled, ImportReport report) : IRowSink
{
    public const int ChunkSize = 16_384;

    private StagingChunk _chunk = new(ChunkSize);

    public long Unmatched { get; private set; }

    public long Anonymous { get; private set; }

    public Dictionary<string, MemberRef> Links { get; } = new(StringComparer.Ordinal);

    public void Add(in Fact fact)
    {
        if (fact.Match == MatchKind.Unmatched)
        {
            Unmatched++;
        }
        else if (fact.Match == MatchKind.Anonymous)
        {
            Anonymous++;
        }

        _chunk.Facts[_chunk.Count++] = fact;
        if (_chunk.IsFull)
        {
            Flush();
        }
    }

    public void Add(EventEntry entry) => _chunk.Events.Add(entry);

    public void Add(VisitCount count) => _chunk.Visits.Add(count);

    public void Reject(long line, string? column, ReadOnlySpan<char> value, string reason) => report.Reject(line, column, value, reason);

    public void Link(ReadOnlySpan<char> externalId, MemberRef member) => Links[externalId.ToString()] = member;

    void IRowSink.Unmatched() => Unmatched++;

    /// <summary>
    /// Hands the current chunk over (waiting while the appender is behind) and takes an empty one.
    /// When the appender has stopped it completes the channel with its error, which is thrown here.
    /// </summary>
    public void Flush()
    {
        if (_chunk.Count == 0 && _chunk.Events.Count == 0 && _chunk.Visits.Count == 0)
        {
            return;
        }

        while (!output.TryWrite(_chunk))
        {
            if (!output.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
            {
                throw new ChannelClosedException("The appender stopped.");
            }
        }

        _chunk = recycled.TryRead(out var empty) ? empty : new StagingChunk(ChunkSize);
        _chunk.Clear();
    }
}
