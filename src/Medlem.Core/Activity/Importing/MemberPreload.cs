using System.Data.Common;

namespace Medlem.Core.Activity.Importing;

/// <summary>
/// A library's members read from the register before the import asks for them. The command line
/// starts it as soon as it knows its settings, so the 300,000 memberships of a large library are
/// read on one core while EF Core starts (its model alone takes half a second) and the import takes
/// its first steps on the other (docs/benchmarks.md). Plain connections, no EF Core.
/// <para>
/// The import takes the rows only for the library it imports into and only when nothing changed
/// them meanwhile: the command discards them before migrating the register, and the import before
/// it finishes an interrupted import's summaries. A read that fails is dropped and the import reads
/// again itself, so its error, if it is one, is reported there.
/// </para>
/// </summary>
public sealed class MemberPreload : IAsyncDisposable
{
    private readonly Task<MemberRows?> _rows;
    private bool _discarded;

    private MemberPreload(Task<MemberRows?> rows) => _rows = rows;

    /// <param name="connect">A new, unopened connection to the register.</param>
    /// <param name="twoConnections">Whether two connections may read at once (a SQLite file; see <see cref="MemberRows.ReadAsync"/>).</param>
    /// <param name="libraryCode">The library the import is for.</param>
    /// <param name="format">The file's format: a library system's ids are read with the memberships.</param>
    /// <param name="ct">Stops the reading (the import then reads nothing from it).</param>
    public static MemberPreload Start(Func<DbConnection> connect, bool twoConnections, string libraryCode, ImportFormat format, CancellationToken ct = default) =>
        new(Task.Run(() => ReadAsync(connect, twoConnections, libraryCode, format, ct), CancellationToken.None));

    /// <summary>The rows, when they are of <paramref name="libraryId"/> and were read whole; else null (the caller reads them).</summary>
    internal async Task<MemberRows?> TakeAsync(int libraryId) =>
        !_discarded && await _rows is { } rows && rows.LibraryId == libraryId ? rows : null;

    /// <summary>Waits for the reading to end and drops what it read (the register is about to change).</summary>
    public async Task DiscardAsync()
    {
        _discarded = true;
        await _rows;
    }

    public async ValueTask DisposeAsync() => await DiscardAsync();

    private static async Task<MemberRows?> ReadAsync(Func<DbConnection> connect, bool twoConnections, string libraryCode, ImportFormat format, CancellationToken ct)
    {
        try
        {
            await using var first = connect();
            await first.OpenAsync(ct);
            await using var command = first.CreateCommand();
            command.CommandText = """SELECT "Id" FROM "Libraries" WHERE "Code" = @code""";
            Data.RegisterSql.Parameter(command, "@code", libraryCode);
            if (await command.ExecuteScalarAsync(ct) is not { } id)
            {
                return null;
            }

            await using var second = twoConnections ? connect() : null;
            if (second is not null)
            {
                await second.OpenAsync(ct);
            }

            var libraryId = Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture);
            return await MemberRows.ReadAsync(first, second, libraryId, format == ImportFormat.Medlem ? null : format, ct);
        }
        catch (Exception ex) when (ex is DbException or FormatException or InvalidCastException or InvalidOperationException or OperationCanceledException)
        {
            // A register not yet migrated, or locked, or the command stopped: the import (if any) reads again and reports what it finds.
            return null;
        }
    }
}
