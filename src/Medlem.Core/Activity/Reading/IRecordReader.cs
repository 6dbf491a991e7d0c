namespace Medlem.Core.Activity.Reading;

/// <summary>
/// Records of an import file, one at a time, with their fields as spans so the hot path of a
/// ten-million-row export allocates nothing per row. CSV and JSON files look the same from here.
/// </summary>
public interface IRecordReader : IDisposable
{
    /// <summary>
    /// Finds the named columns (CSV header names, case-insensitive) or JSON paths
    /// (<c>personal.email</c>); -1 for a CSV column the header lacks.
    /// </summary>
    int[] Bind(IReadOnlyList<string> names);

    bool MoveNext();

    /// <summary>The line the record starts on (CSV, JSON lines; the header is line 1), or its place in a JSON array (1 for the first).</summary>
    long Line { get; }

    /// <summary>Whether the record has as many fields as the header (a shifted or cut-off row has not).</summary>
    bool IsWhole { get; }

    /// <summary>Fields in this record (CSV) and in the header, for the report on a broken row.</summary>
    string Shape { get; }

    /// <summary>Whether the record holds U+FFFD, the decoder's mark of bytes invalid in the file's encoding (one scan of the whole row).</summary>
    bool HasReplacementCharacter { get; }

    /// <summary>The field at a bound index; empty when absent.</summary>
    ReadOnlySpan<char> Field(int index);
}
