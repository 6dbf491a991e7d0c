using System.Text;

namespace Medlem.Core.Tests.TestSupport;

/// <summary>
/// A CSV file that exists only as it is read: the header, then row 1, 2, … made on demand by
/// <paramref name="row"/> (without its line break), as UTF-8, until <paramref name="rows"/> rows or
/// until the row that reaches <paramref name="bytes"/>. Only the row being read is ever held, so a
/// test can import gigabytes without a file or the memory for one.
/// </summary>
internal sealed class GeneratedCsvStream(string header, Func<long, string> row, long rows = long.MaxValue, long bytes = long.MaxValue) : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes(header + "\n");
    private int _offset;
    private long _made = Encoding.UTF8.GetByteCount(header + "\n");

    /// <summary>Rows made so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Bytes handed out so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_offset == _pending.Length && !Next())
            {
                break;
            }

            var n = Math.Min(buffer.Length - written, _pending.Length - _offset);
            _pending.AsSpan(_offset, n).CopyTo(buffer[written..]);
            _offset += n;
            written += n;
        }

        BytesRead += written;
        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool Next()
    {
        if (Rows >= rows || _made >= bytes)
        {
            return false;
        }

        Rows++;
        _pending = Encoding.UTF8.GetBytes(row(Rows) + "\n");
        _offset = 0;
        _made += _pending.Length;
        return true;
    }
}
