using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Medlem.Statistics;

/// <summary>
/// Appends rows to a table by writing DuckDB's column vectors directly: a chunk of 2,048 rows is
/// filled through pointers into DuckDB's own buffers and handed over with one call. DuckDB.NET's
/// row appender does the same through a generic writer per value (and a native call per date); at
/// ten million facts that was a third of an import's appending thread. Callers write every column
/// of a row (<see cref="Set{T}"/> or <see cref="SetNull"/>) in the table's own types, then <see cref="EndRow"/>.
/// </summary>
internal sealed unsafe class VectorAppender : IDisposable
{
    private static readonly int VectorSize = (int)NativeMethods.Helpers.DuckDBVectorSize();
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly DuckDBDataChunk _chunk;
    private readonly DuckDBLogicalType[] _types;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;
    private readonly string _table;
    private int _row;
    private bool _closed;

    public VectorAppender(DuckDBConnection connection, string table)
    {
        _table = table;
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null!, table, out _appender) != DuckDBState.Success)
        {
            var error = ErrorOf(_appender);
            _appender.Dispose();
            throw new FactAppendException(error ?? $"Could not append to {table}.");
        }

        var columns = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        _types = new DuckDBLogicalType[columns];
        var handles = new IntPtr[columns];
        for (var i = 0; i < columns; i++)
        {
            _types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            handles[i] = _types[i].DangerousGetHandle();
        }

        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)columns);
        _data = new void*[columns];
        _validity = new ulong*[columns];
        Bind();
    }

    /// <summary>DuckDB's DATE: days since 1970-01-01.</summary>
    public static int Date(DateOnly day) => day.DayNumber - Epoch;

    public void Set<T>(int column, T value)
        where T : unmanaged => ((T*)_data[column])[_row] = value;

    /// <summary>Sets <paramref name="value"/>, or null when it is 0 (a packed id or band of none).</summary>
    public void SetOrNull<T>(int column, T value)
        where T : unmanaged, IEquatable<T>
    {
        if (value.Equals(default))
        {
            SetNull(column);
        }
        else
        {
            Set(column, value);
        }
    }

    public void SetNull(int column)
    {
        var validity = _validity[column];
        if (validity == null)
        {
            var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, column);
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(vector);
            validity = _validity[column] = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        }

        validity[_row >> 6] &= ~(1UL << (_row & 63));
    }

    public void EndRow()
    {
        if (++_row == VectorSize)
        {
            Flush();
        }
    }

    /// <summary>Hands the last rows to DuckDB and closes the appender (still inside the caller's transaction).</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Flush();
        if (NativeMethods.Appender.DuckDBAppenderClose(_appender) != DuckDBState.Success)
        {
            throw new FactAppendException(ErrorOf(_appender) ?? $"Could not close the appender of {_table}.");
        }
    }

    public void Dispose()
    {
        _closed = true;
        _appender.Dispose();
        _chunk.Dispose();
        foreach (var type in _types)
        {
            type.Dispose();
        }
    }

    private void Flush()
    {
        if (_row == 0)
        {
            return;
        }

        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_row);
        if (NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk) != DuckDBState.Success)
        {
            throw new FactAppendException(ErrorOf(_appender) ?? $"Could not append to {_table}.");
        }

        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _row = 0;
        Bind();
    }

    /// <summary>A reset chunk may hand out other buffers, and its validity masks start all valid again (made writable on the first null).</summary>
    private void Bind()
    {
        for (var i = 0; i < _data.Length; i++)
        {
            _data[i] = NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i));
            _validity[i] = null;
        }
    }

    private static string? ErrorOf(DuckDB.NET.Native.DuckDBAppender appender)
    {
        if (appender.IsInvalid)
        {
            return null;
        }

        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(appender);
        return error.HasError ? error.Message : null;
    }
}

/// <summary>DuckDB refused rows (out of memory, a full disk): its own message, as a database error.</summary>
public sealed class FactAppendException(string message) : System.Data.Common.DbException(message);
