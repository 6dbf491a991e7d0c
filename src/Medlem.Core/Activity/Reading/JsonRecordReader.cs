using System.Text.Json;

namespace Medlem.Core.Activity.Reading;

/// <summary>
/// JSON lines (one object a line) or one JSON array of objects, as Koha's REST API and FOLIO
/// return them. Fields are named by dotted paths (<c>personal.email</c>); a value that is not a
/// string is given in its JSON text (numbers, true/false). Each record is parsed whole; these
/// feeds are far smaller than circulation CSV exports.
/// </summary>
internal sealed class JsonRecordReader : IRecordReader
{
    private readonly IEnumerator<JsonElement?> _records;
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

        Line++;
        var record = _records.Current;
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
    private static IEnumerable<JsonElement?> ReadLines(TextReader text)
    {
        while (text.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement? element;
            try
            {
                using var document = JsonDocument.Parse(line);
                element = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                element = null;
            }

            yield return element;
        }
    }

    private static IEnumerable<JsonElement?> ReadArray(TextReader text)
    {
        // An array is parsed whole: the REST APIs page their results, so one file is one page.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.ReadToEnd());
        }
        catch (JsonException ex)
        {
            throw new ImportFileException(ImportReasons.Unreadable, ex.Message);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new ImportFileException(ImportReasons.Unreadable, "not a JSON array");
        }

        using var owned = document;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            yield return element.Clone();
        }
    }
}
