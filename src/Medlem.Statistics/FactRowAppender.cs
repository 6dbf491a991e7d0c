using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Medlem.Statistics;

/// <summary>
/// Appends packed facts to <c>fact_row</c> by writing DuckDB's column vectors directly: a
/// chunk of 2,048 rows is filled column by column through pointers into DuckDB's own buffers and
/// handed over with one call. DuckDB.NET's row appender does the same through a generic writer per
/// value (and a native call per date); at ten million facts that was a third of an import's
/// appending thread. The columns and their order are <see cref="StatisticsSchema.Create"/>'s.
/// </summary>
internal sealed unsafe class FactRowAppender : IDisposable
{
    private const int Columns = 9;
    private static readonly int VectorSize = (int)NativeMethods.Helpers.DuckDBVectorSize();
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly DuckDBDataChunk _chunk;
    private readonly DuckDBLogicalType[] _types;
    private readonly int _importId;
    private readonly short _libraryId;
    private int _row;
    private bool _closed;

    private long* _key;
    private int* _import;
    private short* _library;
    private int* _day;
    private int* _who;
    private ulong* _whoValid;
    private int* _flags;
    private int* _ids;
    private int* _codes;
    private int* _extra;
    private ulong* _extraValid;

    public FactRowAppender(DuckDBConnection connection, int importId, short libraryId)
    {
        _importId = importId;
        _libraryId = libraryId;
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null!, "fact_row", out _appender) != DuckDBState.Success)
        {
            throw new FactAppendException(ErrorOf(_appender) ?? "Could not create an appender for fact_row.");
        }

        var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        if (count != Columns)
        {
            _appender.Dispose();
            throw new InvalidOperationException($"fact_row has {count} columns; this appender writes {Columns}.");
        }

        _types = new DuckDBLogicalType[Columns];
        var handles = new IntPtr[Columns];
        for (var i = 0; i < Columns; i++)
        {
            _types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            handles[i] = _types[i].DangerousGetHandle();
        }

        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, Columns);
        Bind();
    }

    public void Append(in Fact f)
    {
        var row = _row;
        _key[row] = f.Key;
        _import[row] = _importId;
        _library[row] = _libraryId;
        _day[row] = f.Day.DayNumber - Epoch;
        if ((f.Member ?? f.Visitor) is { } who)
        {
            _who[row] = who;
        }
        else
        {
            Null(_whoValid, row);
        }

        _flags[row] = StatisticsSchema.Flags(f);
        _ids[row] = StatisticsSchema.Ids(f);
        _codes[row] = f.Media | (f.Category << 16);
        if ((f.Kind == FactKind.EventAttendance ? f.EventId : f.Minutes) is { } extra)
        {
            _extra[row] = extra;
        }
        else
        {
            Null(_extraValid, row);
        }

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
            throw new FactAppendException(ErrorOf(_appender) ?? "Could not close the fact_row appender.");
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
            throw new FactAppendException(ErrorOf(_appender) ?? "Could not append to fact_row.");
        }

        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _row = 0;
        Bind();
    }

    /// <summary>A reset chunk may hand out other buffers, and its validity masks start all valid again.</summary>
    private void Bind()
    {
        _key = (long*)Data(0);
        _import = (int*)Data(1);
        _library = (short*)Data(2);
        _day = (int*)Data(3);
        _who = (int*)Data(4);
        _whoValid = Validity(4);
        _flags = (int*)Data(5);
        _ids = (int*)Data(6);
        _codes = (int*)Data(7);
        _extra = (int*)Data(8);
        _extraValid = Validity(8);
    }

    private void* Data(int column) => NativeMethods.Vectors.DuckDBVectorGetData(Vector(column));

    private ulong* Validity(int column)
    {
        var vector = Vector(column);
        NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(vector);
        return NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
    }

    private IntPtr Vector(int column) => NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, column);

    private static void Null(ulong* validity, int row) => validity[row >> 6] &= ~(1UL << (row & 63));

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

/// <summary>DuckDB refused facts (out of memory, a full disk): its own message, as a database error.</summary>
public sealed class FactAppendException(string message) : System.Data.Common.DbException(message);
