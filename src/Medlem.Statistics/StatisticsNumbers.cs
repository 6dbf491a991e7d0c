using DuckDB.NET.Data;

namespace Medlem.Statistics;

/// <summary>
/// The store's small numbers for what facts refer to: membership pseudonyms, monthly visitor
/// hashes and texts (item types, collections, formats, event ids). Read once per import; new
/// ones are written with the import's facts, in its transaction.
/// </summary>
public sealed class StatisticsNumbers
{
    private readonly Dictionary<Guid, int> _members;
    private readonly Dictionary<Guid, int> _visitors;
    private readonly Dictionary<string, int> _codes;
    private readonly List<(int Id, Guid Pseudonym)> _newMembers = [];
    private readonly List<(int Id, DateOnly Month, Guid Hash)> _newVisitors = [];
    private readonly List<(int Code, string Text)> _newCodes = [];
    private readonly short _libraryId;
    private int _nextMember;
    private int _nextVisitor;
    private int _nextCode;
    private int _nextLargeCode;

    private StatisticsNumbers(short libraryId, Dictionary<Guid, int> members, Dictionary<Guid, int> visitors, Dictionary<string, int> codes, int nextMember, int nextVisitor, int nextCode, int nextLargeCode)
    {
        _libraryId = libraryId;
        _members = members;
        _visitors = visitors;
        _codes = codes;
        _nextMember = nextMember;
        _nextVisitor = nextVisitor;
        _nextCode = nextCode;
        _nextLargeCode = nextLargeCode;
    }

    public static async Task<StatisticsNumbers> LoadAsync(DuckDBConnection connection, short libraryId, CancellationToken ct)
    {
        var members = (await connection.QueryAsync($"SELECT pseudonym, member_id FROM member WHERE library_id = {libraryId}", r => (r.GetGuid(0), r.GetInt32(1)), ct))
            .ToDictionary(m => m.Item1, m => m.Item2);
        var visitors = (await connection.QueryAsync($"SELECT hash, visitor_id FROM visitor WHERE library_id = {libraryId}", r => (r.GetGuid(0), r.GetInt32(1)), ct))
            .ToDictionary(v => v.Item1, v => v.Item2);
        var codes = (await connection.QueryAsync("SELECT text, code FROM code", r => (r.GetString(0), r.GetInt32(1)), ct))
            .ToDictionary(c => c.Item1, c => c.Item2, StringComparer.Ordinal);
        // An erased membership's member row is gone but its facts keep the number (anonymous): the
        // aggregates remember every number ever used, so a new pseudonym never inherits those facts.
        var nextMember = await connection.ScalarAsync<int>(
            "SELECT greatest((SELECT coalesce(max(member_id), 0) FROM member), (SELECT coalesce(max(member), 0) FROM member_year), (SELECT coalesce(max(member), 0) FROM roster)) + 1", ct);
        var nextVisitor = await connection.ScalarAsync<int>("SELECT coalesce(max(visitor_id), 0) + 1 FROM visitor", ct);
        var nextCode = await connection.ScalarAsync<int>("SELECT coalesce(max(code), 0) + 1 FROM code WHERE code < 65536", ct);
        var nextLargeCode = await connection.ScalarAsync<int>("SELECT coalesce(max(code), 65535) + 1 FROM code WHERE code >= 65536", ct);
        return new StatisticsNumbers(libraryId, members, visitors, codes, nextMember, nextVisitor, nextCode, nextLargeCode);
    }

    /// <summary>The highest member number given so far (numbers are dense from 1).</summary>
    public int MemberCount
    {
        get
        {
            lock (_members)
            {
                return _nextMember - 1;
            }
        }
    }

    /// <summary>Whether the pseudonym has a number already (its membership has facts or a roster row).</summary>
    public bool Knows(Guid pseudonym)
    {
        lock (_members)
        {
            return _members.ContainsKey(pseudonym);
        }
    }

    /// <summary>The number of a membership pseudonym, given on first sight.</summary>
    public int Member(Guid pseudonym)
    {
        lock (_members)
        {
            if (!_members.TryGetValue(pseudonym, out var id))
            {
                id = _nextMember++;
                _members[pseudonym] = id;
                _newMembers.Add((id, pseudonym));
            }

            return id;
        }
    }

    /// <summary>The number of a monthly visitor hash, given on first sight.</summary>
    public int Visitor(Guid hash, DateOnly month)
    {
        lock (_visitors)
        {
            if (!_visitors.TryGetValue(hash, out var id))
            {
                id = _nextVisitor++;
                _visitors[hash] = id;
                _newVisitors.Add((id, month, hash));
            }

            return id;
        }
    }

    /// <summary>
    /// The code of a short vocabulary's text (item type, collection, format, login method, event
    /// category); below 65,536 so two fit one packed column. 0 for none. Callers cache codes; this takes a lock.
    /// </summary>
    public int Code(ReadOnlySpan<char> text) => CodeOf(text, large: false);

    /// <summary>The code of an open-ended text (an event id, a title), from 65,536 up.</summary>
    public int LargeCode(ReadOnlySpan<char> text) => CodeOf(text, large: true);

    private int CodeOf(ReadOnlySpan<char> text, bool large)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        lock (_codes)
        {
            return CodeLocked(text, large);
        }
    }

    /// <summary>The text of a code given in this import or read at its start.</summary>
    public string Text(int code)
    {
        lock (_codes)
        {
            return _codes.First(c => c.Value == code).Key;
        }
    }

    private int CodeLocked(ReadOnlySpan<char> span, bool large)
    {
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(span, out var code))
        {
            var text = span.ToString();
            code = large ? _nextLargeCode++ : _nextCode++;
            if (!large && code > ushort.MaxValue)
            {
                throw new InvalidOperationException("More than 65,535 distinct item types, collections, formats and categories: the store's short codes are full.");
            }

            _codes[text] = code;
            _newCodes.Add((code, text));
        }

        return code;
    }

    /// <summary>Writes the numbers given during this import (call inside the import's transaction).</summary>
    public void WriteNew(DuckDBConnection connection)
    {
        using (var appender = connection.CreateAppender("member"))
        {
            foreach (var (id, pseudonym) in _newMembers)
            {
                appender.CreateRow().AppendValue(id).AppendValue(_libraryId).AppendValue(pseudonym).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("visitor"))
        {
            foreach (var (id, month, hash) in _newVisitors)
            {
                appender.CreateRow().AppendValue(id).AppendValue(_libraryId).AppendValue(month).AppendValue(hash).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("code"))
        {
            foreach (var (code, text) in _newCodes)
            {
                appender.CreateRow().AppendValue(code).AppendValue(text).EndRow();
            }
        }

        _newMembers.Clear();
        _newVisitors.Clear();
        _newCodes.Clear();
    }
}
