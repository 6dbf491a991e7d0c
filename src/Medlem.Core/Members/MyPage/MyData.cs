using Medlem.Core.Data;
using Medlem.Core.Privacy.Access;
using Medlem.Statistics;
using Medlem.Statistics.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>A membership's activity counted per month and kind, over all the time the store holds.</summary>
public sealed record MyActivityCount(Guid MembershipId, string Library, DateOnly Month, FactKind Kind, int Count);

/// <summary>
/// Everything held about the member, for their own download: one access export per library they
/// belong to (each library is a separate controller and answers for its own part), and their
/// activity counted per month, which is what "Min side" shows.
/// </summary>
public sealed record MyDataDocument(DateTimeOffset CreatedAt, IReadOnlyList<AccessExportDocument> Libraries, IReadOnlyList<MyActivityCount> ActivityPerMonth);

/// <summary>
/// The member's own access to their data (GDPR art. 15 and 20) without a request: the same
/// <see cref="AccessExport"/> the desk gives, once per library the person holds a membership of,
/// and never for a library they do not. Not a staff read, so nothing is written to the audit
/// trail; the member sees in the export who among the staff read their data.
/// </summary>
public sealed class MyData(MedlemDbContext db, AccessExport export, StatisticsStore store, TimeProvider clock)
{
    public async Task<MyDataDocument> RunAsync(Guid personId, CancellationToken ct)
    {
        var libraries = new List<AccessExportDocument>();
        foreach (var libraryId in await LibrariesOfAsync(personId, ct))
        {
            libraries.Add((await export.RunAsync(libraryId, personId, ct))!);
        }

        return new MyDataDocument(clock.GetUtcNow(), libraries, await CountsAsync(personId, ct));
    }

    /// <summary>The access export of one library by its code; null unless the person holds a membership there.</summary>
    public async Task<AccessExportDocument?> OfLibraryAsync(Guid personId, string libraryCode, CancellationToken ct)
    {
        var libraryId = await db.Memberships.OwnedBy(personId)
            .Join(db.Libraries.Where(l => l.Code == libraryCode), m => m.LibraryId, l => l.Id, (m, l) => (int?)l.Id)
            .FirstOrDefaultAsync(ct);
        return libraryId is { } id ? await export.RunAsync(id, personId, ct) : null;
    }

    private Task<List<int>> LibrariesOfAsync(Guid personId, CancellationToken ct) =>
        db.Memberships.OwnedBy(personId).Select(m => m.LibraryId).Distinct().OrderBy(id => id).ToListAsync(ct);

    private async Task<List<MyActivityCount>> CountsAsync(Guid personId, CancellationToken ct)
    {
        var memberships = await db.Memberships.OwnedBy(personId).AsNoTracking()
            .Join(db.Libraries, m => m.LibraryId, l => l.Id, (m, l) => new { m.Id, m.LibraryId, l.Code, m.Pseudonym })
            .ToListAsync(ct);
        if (memberships.Count == 0)
        {
            return [];
        }

        var counts = new List<MyActivityCount>();
        await using var connection = await store.OpenAsync(ct);
        foreach (var m in memberships)
        {
            counts.AddRange((await MemberActivity.MonthlyAsync(connection, (short)m.LibraryId, [m.Pseudonym], DateOnly.MinValue, ct))
                .Select(c => new MyActivityCount(m.Id, m.Code, c.Month, c.Kind, c.Count)));
        }

        return counts;
    }
}
