using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Medlem.Core.Activity.Reading;

/// <summary>
/// An import file as it streams in: its encoding and layout told from the first bytes, its
/// SHA-256 computed on the way, never held whole in memory (a 2 GB export streams like any other).
/// Encodings: a byte order mark (UTF-8 or UTF-16); else UTF-8 when the first 64 KiB are valid
/// UTF-8, or hold more valid UTF-8 letters than invalid bytes (a UTF-8 file with a stray 1252
/// row); else Windows-1252, the encoding of Excel's "CSV" on Norwegian Windows, so æøå come
/// through. Bytes invalid in the chosen encoding, after the sniffed prefix or within it, get their
/// rows reported (<see cref="ImportReasons.Encoding"/>), not guessed at.
/// </summary>
public sealed class ImportInput : IDisposable
{
    private const int SniffBytes = 64 * 1024;
    private readonly HashingStream _stream;

    static ImportInput() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ImportInput(HashingStream stream, Encoding encoding, InputLayout layout)
    {
        _stream = stream;
        Encoding = encoding;
        Layout = layout;
        Reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    public Encoding Encoding { get; }

    public InputLayout Layout { get; }

    public TextReader Reader { get; }

    /// <summary>Bytes read so far (for progress).</summary>
    public long BytesRead => _stream.BytesRead;

    public static ImportInput Open(Stream stream)
    {
        var hashing = new HashingStream(stream);
        var prefix = hashing.Peek(SniffBytes);
        var encoding = DetectEncoding(prefix.Span);
        return new ImportInput(hashing, encoding, DetectLayout(prefix.Span, encoding));
    }

    /// <summary>Reads what is left (so the hash covers the whole file) and returns the SHA-256, hex.</summary>
    public string FinishHash() => _stream.FinishHash();

    public void Dispose()
    {
        Reader.Dispose();
        _stream.Dispose();
    }

    internal static Encoding DetectEncoding(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith("\xEF\xBB\xBF"u8))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        return IsUtf8(prefix) ? new UTF8Encoding(false) : Encoding.GetEncoding(1252);
    }

    private static bool IsUtf8(ReadOnlySpan<byte> prefix)
    {
        var chars = new char[prefix.Length];
        // Not the final block: a character cut by the 64 KiB boundary is not an error.
        if (Utf8.ToUtf16(prefix, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: false) != OperationStatus.InvalidData)
        {
            return true;
        }

        // Invalid somewhere. Windows-1252 text is almost never valid UTF-8 (æ, ø, å alone are invalid
        // lead bytes), so a prefix with more valid multi-byte characters than invalid bytes is a UTF-8
        // file with a few stray bytes (a row pasted from a 1252 file): read as UTF-8, its own letters
        // come through and the stray rows are reported. Read as 1252, every æøå of it would silently
        // become two wrong letters.
        var valid = 0;
        var invalid = 0;
        while (!prefix.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(prefix, out _, out var consumed);
            if (status == OperationStatus.NeedMoreData)
            {
                break; // cut by the end of the prefix
            }

            if (status == OperationStatus.Done)
            {
                valid += consumed > 1 ? 1 : 0;
            }
            else
            {
                invalid++;
            }

            prefix = prefix[consumed..];
        }

        return valid > invalid;
    }

    /// <summary>
    /// CSV, JSON lines, or a JSON array, by the first character. An object whose first member is an
    /// array is a collection as REST APIs answer (FOLIO's <c>{"users": [...], "totalRecords": 2}</c>):
    /// its array is read, the way a bare array is.
    /// </summary>
    private static InputLayout DetectLayout(ReadOnlySpan<byte> prefix, Encoding encoding)
    {
        var text = encoding.GetString(prefix).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.Length == 0 ? InputLayout.Empty
            : text[0] == '{' ? (IsCollection(text) ? InputLayout.JsonArray : InputLayout.JsonLines)
            : text[0] == '[' ? InputLayout.JsonArray
            : InputLayout.Csv;
    }

    /// <summary>Whether <paramref name="json"/> opens as <c>{ "name" : [</c>.</summary>
    private static bool IsCollection(ReadOnlySpan<char> json)
    {
        var rest = json[1..].TrimStart();
        if (rest.IsEmpty || rest[0] != '"')
        {
            return false;
        }

        var i = 1;
        while (i < rest.Length && rest[i] != '"')
        {
            i += rest[i] == '\\' ? 2 : 1;
        }

        rest = i < rest.Length ? rest[(i + 1)..].TrimStart() : [];
        if (rest.IsEmpty || rest[0] != ':')
        {
            return false;
        }

        rest = rest[1..].TrimStart();
        return !rest.IsEmpty && rest[0] == '[';
    }
}

public enum InputLayout
{
    Empty,
    Csv,
    JsonLines,
    JsonArray,
}

/// <summary>Passes a stream through while hashing every byte; can look ahead without losing what it read.</summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _peeked = [];
    private int _peekedOffset;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public ReadOnlyMemory<byte> Peek(int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = ReadInner(buffer.AsSpan(filled))) > 0)
        {
            filled += read;
        }

        _peeked = buffer[..filled];
        return _peeked;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_peekedOffset < _peeked.Length)
        {
            var n = Math.Min(buffer.Length, _peeked.Length - _peekedOffset);
            _peeked.AsSpan(_peekedOffset, n).CopyTo(buffer);
            _peekedOffset += n;
            return n;
        }

        return ReadInner(buffer);
    }

    public string FinishHash()
    {
        var rest = new byte[1 << 16];
        while (Read(rest) > 0)
        {
        }

        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int ReadInner(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _hash.AppendData(buffer[..n]);
        BytesRead += n;
        return n;
    }
}
