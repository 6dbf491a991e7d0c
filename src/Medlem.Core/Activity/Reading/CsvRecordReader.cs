using nietras.SeparatedValues;

namespace Medlem.Core.Activity.Reading;

/// <summary>
/// CSV as real exports write it, read by Sep: comma, semicolon or tab (told from the header),
/// quoted fields with embedded newlines and doubled quotes, header names in any case. Blank
/// lines (Excel ends files with them) are no rows. A header that names a column twice makes the
/// file unreadable: which of the two is meant cannot be told.
/// </summary>
internal sealed class CsvRecordReader : IRecordReader
{
    private readonly SepReader _reader;
    private readonly int _headerColumns;

    public CsvRecordReader(TextReader text)
    {
        try
        {
            _reader = Sep.Reader(o => o with
            {
                Unescape = true,
                DisableColCountCheck = true,
                Trim = SepTrim.Outer,
            }).From(text);
        }
        catch (ArgumentException ex)
        {
            // Sep refuses a header with a repeated name ("Col name 'branch' found 2 times …").
            throw new ImportFileException(ImportReasons.Unreadable, ex.Message);
        }

        _headerColumns = _reader.Header.ColNames.Count;
    }

    public long Line { get; private set; }

    public bool IsWhole => _reader.Current.ColCount == _headerColumns;

    public bool HasReplacementCharacter => _reader.Current.Span.Contains('\uFFFD');

    public string Shape => $"{_reader.Current.ColCount}/{_headerColumns}";

    public int[] Bind(IReadOnlyList<string> names)
    {
        var header = _reader.Header.ColNames;
        return names.Select(name => IndexOf(header, name)).ToArray();
    }

    public bool MoveNext()
    {
        do
        {
            if (!_reader.MoveNext())
            {
                return false;
            }
        }
        while (_reader.Current.ColCount == 1 && _headerColumns > 1 && _reader.Current.Span.IsWhiteSpace());

        Line = _reader.Current.LineNumberFrom;
        return true;
    }

    public ReadOnlySpan<char> Field(int index)
    {
        var row = _reader.Current;
        return index >= 0 && index < row.ColCount ? row[index].Span : default;
    }

    public void Dispose() => _reader.Dispose();

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim().Trim('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
