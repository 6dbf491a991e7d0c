using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>Everything a row needs besides itself: the library, its branches and members, the keys, today.</summary>
internal sealed class ImportContext
{
    public required short LibraryId { get; init; }
    public required BranchIndex Branches { get; init; }
    public required MemberIndex Members { get; init; }
    public required FactKeys Keys { get; init; }
    public required VisitorHashes Visitors { get; init; }
    public required StatisticsNumbers Numbers { get; init; }
    public required MappingProfile Profile { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Events of the library's catalogue by source id (for attendance rows).</summary>
    public IReadOnlyDictionary<string, EventEntry> Events { get; init; } = new Dictionary<string, EventEntry>();
}

/// <summary>Ways a row can name a member.</summary>
[Flags]
internal enum MemberReferences
{
    None = 0,
    /// <summary>The member's id in the library system (Koha's borrowernumber, FOLIO's user id).</summary>
    SourceId = 1,
    Card = 2,
    Email = 4,
}

/// <summary>Where a mapped row goes: facts, catalogue entries and counts, or the error report.</summary>
internal interface IRowSink
{
    void Add(in Fact fact);

    void Add(EventEntry entry);

    void Add(VisitCount count);

    void Reject(long line, string? column, ReadOnlySpan<char> value, string reason);

    /// <summary>A patron record's id in the library system, for the member who holds its card.</summary>
    void Link(ReadOnlySpan<char> externalId, MemberRef member);

    /// <summary>A patron record that no member matches.</summary>
    void Unmatched();
}

/// <summary>
/// Turns one record of one kind of file into facts. Subclasses name their fields; the helpers
/// here read a field or report the row with its line, column, value and reason.
/// </summary>
internal abstract class RowMapper
{
    private int[] _index = [];
    private List<string> _columns = [];

    /// <summary>Medlem's names of the fields, in the order <see cref="Field"/> numbers them.</summary>
    public abstract IReadOnlyList<string> Fields { get; }

    public abstract IReadOnlySet<string> Required { get; }

    /// <summary>Binds the fields to the file's columns; a required column the file lacks fails the whole file.</summary>
    public void Bind(IRecordReader reader, MappingProfile profile)
    {
        _columns = Fields.Select(profile.ColumnFor).ToList();
        _index = reader.Bind(_columns);
        var missing = Enumerable.Range(0, Fields.Count).Where(i => _index[i] < 0 && Required.Contains(Fields[i])).Select(i => _columns[i]).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(ImportReasons.MissingColumn, string.Join(", ", missing));
        }
    }

    public abstract void Map(IRecordReader record, ImportContext context, IRowSink sink);

    /// <summary>Asks for what mapping the record will look up at random (its member), a few records ahead of <see cref="Map"/>.</summary>
    public virtual void Prefetch(IRecordReader record, ImportContext context)
    {
    }

    /// <summary>
    /// The references to members the bound file holds (after <see cref="Bind"/>): the member index
    /// reads only those (a Koha statistics export has borrowernumbers but no cards or e-mails).
    /// </summary>
    public MemberReferences References =>
        (Binds("member_id") ? MemberReferences.SourceId : MemberReferences.None)
        | (Binds("card_number") ? MemberReferences.Card : MemberReferences.None)
        | (Binds("email") ? MemberReferences.Email : MemberReferences.None);

    private bool Binds(string field)
    {
        for (var i = 0; i < _index.Length; i++)
        {
            if (Fields[i] == field)
            {
                return _index[i] >= 0;
            }
        }

        return false;
    }

    /// <summary>The file's columns 0 to <c>Width - 1</c> hold every field bound (after <see cref="Bind"/>).</summary>
    public int Width => _index.Length == 0 ? 0 : _index.Max() + 1;

    /// <summary>The file's columns the fields are bound to, in order (after <see cref="Bind"/>).</summary>
    public int[] Columns => [.. _index.Where(i => i >= 0).Distinct().Order()];

    /// <summary>Rejects a row with the wrong number of fields or with characters the decoder could not read.</summary>
    public bool IsClean(IRecordReader record, IRowSink sink)
    {
        if (!record.IsWhole)
        {
            sink.Reject(record.Line, null, record.Shape, ImportReasons.Shape);
            return false;
        }

        if (!record.HasReplacementCharacter)
        {
            return true;
        }

        for (var i = 0; i < _index.Length; i++)
        {
            if (Field(record, i).Contains('\uFFFD'))
            {
                return Reject(record, sink, i, ImportReasons.Encoding);
            }
        }

        return true;
    }

    protected ReadOnlySpan<char> Field(IRecordReader record, int field) => record.Field(_index[field]);

    protected string Column(int field) => _columns[field];

    protected bool Reject(IRecordReader record, IRowSink sink, int field, string reason)
    {
        var value = field < 0 ? default : Field(record, field);
        sink.Reject(record.Line, field < 0 ? null : Column(field), Identifying.Contains(Fields[Math.Max(field, 0)]) && field >= 0 ? Mask(value) : value, reason);
        return false;
    }

    /// <summary>Fields that identify a person: the error report keeps only enough of them to find the row.</summary>
    private static readonly HashSet<string> Identifying = ["card_number", "email", "member_id", "device_id"];

    /// <summary><c>12345678</c> → <c>12••••78</c>; short values wholly masked.</summary>
    internal static string Mask(ReadOnlySpan<char> value) =>
        value.Length >= 8 ? $"{value[..2]}{new string('•', value.Length - 4)}{value[^2..]}" : new string('•', value.Length);

    protected bool TryRequired(IRecordReader record, IRowSink sink, int field, out ReadOnlySpan<char> value)
    {
        value = Field(record, field);
        return !value.IsEmpty || Reject(record, sink, field, ImportReasons.Required);
    }

    /// <summary>A local time on or before today.</summary>
    protected bool TryTime(IRecordReader record, ImportContext context, IRowSink sink, int field, out DateTime local)
    {
        local = default;
        if (!TryRequired(record, sink, field, out var text))
        {
            return false;
        }

        if (!FieldParsers.TryLocalTime(text, context.Zone, out local))
        {
            return Reject(record, sink, field, ImportReasons.Date);
        }

        return DateOnly.FromDateTime(local) <= context.Today || Reject(record, sink, field, ImportReasons.Future);
    }

    protected bool TryBranch(IRecordReader record, ImportContext context, IRowSink sink, int field, out short? branch)
    {
        branch = null;
        var code = Field(record, field);
        if (code.IsEmpty && !Required.Contains(Fields[field]))
        {
            return true;
        }

        if (!context.Branches.TryGet(code, out var id))
        {
            return Reject(record, sink, field, code.IsEmpty ? ImportReasons.Required : ImportReasons.Branch);
        }

        branch = id;
        return true;
    }

    /// <summary>
    /// Fills in who: the member's pseudonym, age band and type when the reference is a member's;
    /// a monthly visitor hash when it is not; nothing when the row has no reference.
    /// </summary>
    protected static void Identify(ref Fact fact, ImportContext context, MemberRef? member, string referenceKind, ReadOnlySpan<char> reference)
    {
        if (member is { } m)
        {
            fact.Match = MatchKind.Member;
            fact.Member = m.Number;
            fact.AgeBand = AgeBands.Of(m.BirthDate, fact.Day);
            fact.MembershipTypeId = m.TypeId;
        }
        else if (!reference.IsEmpty)
        {
            fact.Match = MatchKind.Unmatched;
            var month = new DateOnly(fact.Day.Year, fact.Day.Month, 1);
            fact.Visitor = context.Numbers.Visitor(context.Visitors.Of(fact.Day, referenceKind, reference), month);
        }
        else
        {
            fact.Match = MatchKind.Anonymous;
        }
    }

    // A mapper's codes by text, direct-mapped on the text's length and three of its letters: a file's
    // item types and collections are a few dozen texts, each found with one comparison (a dictionary
    // hashed the whole text first).
    private const int CodeSlots = 256;
    private readonly string?[] _codeText = new string?[CodeSlots];
    private readonly int[] _code = new int[CodeSlots];

    /// <summary>The store's code of a short text (item type, collection, format); cached here so the shared table's lock is taken once per text.</summary>
    protected int Code(ImportContext context, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        var slot = ((value.Length * 31) + (value[0] * 7) + value[^1] + (value[value.Length / 2] * 3)) & (CodeSlots - 1);
        if (_codeText[slot] is { } text && value.SequenceEqual(text))
        {
            return _code[slot];
        }

        // A text not in its place (new, or another took the place) asks the store's table, which gives the same code for the same text.
        var code = context.Numbers.Code(value);
        _codeText[slot] = value.ToString();
        _code[slot] = code;
        return code;
    }

    /// <summary>
    /// The index in <paramref name="words"/> of a value of a small vocabulary, after the profile's
    /// translation (FOLIO's <c>renewed</c> → <c>renew</c>); -1 when it is none of them.
    /// Compared without allocating: this runs for every row.
    /// </summary>
    protected static int Vocabulary(ImportContext context, ReadOnlySpan<char> value, string[] words)
    {
        value = value.Trim();
        if (context.Profile.Values.Count > 0 && context.Profile.Values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var translated))
        {
            value = translated;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (value.Equals(words[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    protected static HashSet<string> Set(params string[] fields) => new(fields, StringComparer.Ordinal);
}
