using Medlem.Core.Activity.Mapping;
using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Importing;

/// <summary>
/// A few thousand rows copied out of the file's reader, mapped on a worker thread, and applied to
/// the store and the report in file order (<see cref="StagePipeline"/>). It is both the rows' reader
/// for the mapper (<see cref="IRecordReader"/>: the current row's fields) and the mapper's sink
/// (<see cref="IRowSink"/>: facts, catalogue entries, counts, rejections and patron links, kept here
/// until the batch's turn comes, so the result is the same as mapping the file on one thread).
/// </summary>
internal sealed class RowBatch : IRecordReader, IRowSink
{
    public const int Rows = 16384;

    private readonly int _width;
    private readonly int[] _columns;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly long[] _line = new long[Rows];
    private readonly bool[] _whole = new bool[Rows];
    private readonly bool[] _replacement = new bool[Rows];
    private readonly string?[] _shape = new string?[Rows];
    private char[] _text = new char[Rows * 64];
    private int _textLength;
    private int _current = -1;

    /// <param name="width">The row's columns a mapper can ask for: 0 to <c>width - 1</c>.</param>
    /// <param name="columns">Those of them copied, the ones bound to fields: a column no field reads is left empty.</param>
    public RowBatch(int width, int[] columns)
    {
        _width = width;
        _columns = columns;
        _start = new int[Rows * width];
        _length = new int[Rows * width];
    }

    public int Count { get; private set; }

    public bool IsFull => Count == Rows;

    /// <summary>Set when the batch has been mapped (or mapping failed), for the thread that applies batches in order.</summary>
    public TaskCompletionSource Mapped { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Fact[] Facts { get; private set; } = new Fact[Rows];

    public int FactCount { get; private set; }

    public List<EventEntry> Events { get; } = [];

    public List<VisitCount> Visits { get; } = [];

    public List<(long Line, string? Column, string Value, string Reason)> Rejections { get; } = [];

    public List<(string ExternalId, MemberRef Member)> Links { get; } = [];

    public long Unmatched { get; private set; }

    public long Anonymous { get; private set; }

    /// <summary>Copies the reader's current row (the fields a mapper can ask for, and what <see cref="RowMapper.IsClean"/> checks).</summary>
    public void Copy(IRecordReader reader)
    {
        var row = Count++;
        _line[row] = reader.Line;
        _whole[row] = reader.IsWhole;
        _shape[row] = reader.IsWhole ? null : reader.Shape;
        _replacement[row] = reader.HasReplacementCharacter;
        foreach (var field in _columns)
        {
            var value = reader.Field(field);
            if (_textLength + value.Length > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + value.Length));
            }

            value.CopyTo(_text.AsSpan(_textLength));
            _start[(row * _width) + field] = _textLength;
            _length[(row * _width) + field] = value.Length;
            _textLength += value.Length;
        }
    }

    /// <summary>Maps every row of the batch into its outputs.</summary>
    public void Map(RowMapper mapper, ImportContext context)
    {
        const int Ahead = 4;
        for (_current = 0; _current < Count; _current++)
        {
            if (_current + Ahead < Count)
            {
                // The mapper reads the row ahead through this reader: point it there for the moment.
                _current += Ahead;
                mapper.Prefetch(this, context);
                _current -= Ahead;
            }

            if (mapper.IsClean(this, this))
            {
                mapper.Map(this, context, this);
            }
        }
    }

    /// <summary>Empties the batch for the next rows.</summary>
    public void Reset()
    {
        Count = 0;
        _textLength = 0;
        _current = -1;
        FactCount = 0;
        Events.Clear();
        Visits.Clear();
        Rejections.Clear();
        Links.Clear();
        Unmatched = 0;
        Anonymous = 0;
        Mapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    long IRecordReader.Line => _line[_current];

    bool IRecordReader.IsWhole => _whole[_current];

    string IRecordReader.Shape => _shape[_current] ?? "";

    bool IRecordReader.HasReplacementCharacter => _replacement[_current];

    int[] IRecordReader.Bind(IReadOnlyList<string> names) => throw new NotSupportedException("A batch holds rows already bound to the file's columns.");

    bool IRecordReader.MoveNext() => throw new NotSupportedException("A batch is read by its mapper, row by row.");

    public ReadOnlySpan<char> Field(int index)
    {
        if (index < 0 || index >= _width)
        {
            return default;
        }

        var at = (_current * _width) + index;
        return _text.AsSpan(_start[at], _length[at]);
    }

    void IDisposable.Dispose()
    {
    }

    void IRowSink.Add(in Fact fact)
    {
        if (fact.Match == MatchKind.Unmatched)
        {
            Unmatched++;
        }
        else if (fact.Match == MatchKind.Anonymous)
        {
            Anonymous++;
        }

        if (FactCount == Facts.Length)
        {
            // A loan record with renewals gives several facts.
            var facts = Facts;
            Array.Resize(ref facts, facts.Length * 2);
            Facts = facts;
        }

        Facts[FactCount++] = fact;
    }

    void IRowSink.Add(EventEntry entry) => Events.Add(entry);

    void IRowSink.Add(VisitCount count) => Visits.Add(count);

    void IRowSink.Reject(long line, string? column, ReadOnlySpan<char> value, string reason) =>
        Rejections.Add((line, column, value[..Math.Min(value.Length, ImportReport.MaxValueLength)].ToString(), reason));

    void IRowSink.Link(ReadOnlySpan<char> externalId, MemberRef member) => Links.Add((externalId.ToString(), member));

    void IRowSink.Unmatched() => Unmatched++;
}
