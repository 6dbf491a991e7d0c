using System.Text;
using System.Text.Json;

namespace Medlem.Core.Activity.Reading;

/// <summary>
/// JSON lines (one object a line) or one JSON array of objects, as Koha's REST API and FOLIO
/// return them (FOLIO's inside a collection object: the first array is read, the rest ignored). Fields are named by dotted paths (<c>personal.email</c>); a value that is not a
/// string is given in its JSON text (numbers, true/false). Both stream: a record at a time is
/// held, never the file. A record that is not a JSON object (a broken line, an array cut off in
/// the middle of its last object) is a bad row, not the end of the file. <see cref="Line"/> is
/// the line in the file for JSON lines, and the place in the array (1 for the first) for an array.
/// </summary>
internal sealed class JsonRecordReader : IRecordReader
{
    private readonly IEnumerator<(long Line, JsonElement? Record)> _records;
    private string[][] _paths = [];
    private string?[] _values = [];

    public JsonRecordReader(TextReader text, InputLayout layout)
    {
        _records = (layout == InputLayout.JsonArray ? ReadArray(text) : ReadLines(text)).GetEnumerator();
    }

    public long Line { get; private set; }

    public bool IsWhole { get; private set; } = true;

    public bool HasReplacementCharacter => _values.Any(v => v is not null && v.Contains('\uFFFD', StringComparison.Ordinal));

    public string Shape => IsWhole ? "object" : "not a JSON object";

    public int[] Bind(IReadOnlyList<string> names)
    {
        _paths = names.Select(n => n.Split('.')).ToArray();
        _values = new string?[names.Count];
        return Enumerable.Range(0, names.Count).ToArray();
    }

    public bool MoveNext()
    {
        if (!_records.MoveNext())
        {
            return false;
        }

        (Line, var record) = _records.Current;
        IsWhole = record is { ValueKind: JsonValueKind.Object };
        for (var i = 0; i < _paths.Length; i++)
        {
            _values[i] = IsWhole ? Resolve(record!.Value, _paths[i]) : null;
        }

        return true;
    }

    public ReadOnlySpan<char> Field(int index) => index >= 0 && index < _values.Length ? _values[index] : default;

    public void Dispose() => _records.Dispose();

    private static string? Resolve(JsonElement element, string[] path)
    {
        foreach (var part in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => element.GetRawText(),
        };
    }

    /// <summary>A line that is not JSON becomes a null record, reported as a bad row, not the end of the file.</summary>
    private static IEnumerable<(long, JsonElement?)> ReadLines(TextReader text)
    {
        long number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, Parse(line));
            }
        }
    }

    /// <summary>
    /// The array's elements one at a time: characters are gathered until the element's brackets
    /// close (outside strings), then parsed. What is left at the end of a file cut off inside an
    /// element is one bad record.
    /// </summary>
    private static IEnumerable<(long, JsonElement?)> ReadArray(TextReader text)
    {
        var block = new char[1 << 16];
        var element = new StringBuilder();
        long position = 0;
        bool inArray = false, inString = false, escaped = false, ended = false;
        var depth = 0;
        int read;
        while (!ended && (read = text.Read(block, 0, block.Length)) > 0)
        {
            for (var i = 0; i < read && !ended; i++)
            {
                var c = block[i];
                if (!inArray)
                {
                    inArray = c == '[';
                    continue;
                }

                if (inString)
                {
                    element.Append(c);
                    (escaped, inString) = escaped ? (false, true) : (c == '\\', c != '"');
                    continue;
                }

                if (depth == 0 && (c == ',' || c == ']'))
                {
                    // Between elements, or the end of a bare value (a number or a string): not an object.
                    if (element.ToString().Trim().Length > 0)
                    {
                        yield return (++position, Parse(element.ToString()));
                    }

                    element.Clear();
                    ended = c == ']';
                    continue;
                }

                element.Append(c);
                if (c == '"')
                {
                    inString = true;
                }
                else if (c is '{' or '[')
                {
                    depth++;
                }
                else if (c is '}' or ']' && --depth <= 0)
                {
                    yield return (++position, depth == 0 ? Parse(element.ToString()) : null);
                    element.Clear();
                    depth = 0;
                }
            }
        }

        if (!ended && element.ToString().Trim().Length > 0)
        {
            yield return (++position, null);
        }
    }

    private static JsonElement? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
