using Medlem.Core.Data;
using Medlem.Statistics;
using Medlem.Statistics.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>
/// An event the member is registered for or came to. <see cref="Title"/> is null when the event
/// catalogue does not know the event (then <see cref="EventId"/> is all there is);
/// <see cref="StartsAt"/> is the library's local time.
/// </summary>
public sealed record MyEvent(MyLibrary Library, string EventId, string? Title, string? Category, DateTime? StartsAt, DateOnly Day, string? Branch, bool Upcoming);

/// <summary>The member's events: the upcoming soonest first, the past latest first.</summary>
public sealed record MyEventList(IReadOnlyList<MyEvent> Upcoming, IReadOnlyList<MyEvent> Past)
{
    /// <summary>The statistics store holds no registration or attendance of the member yet.</summary>
    public bool None => Upcoming.Count == 0 && Past.Count == 0;
}

/// <summary>
/// The events the member signed up for, from the attendance facts of their memberships'
/// pseudonyms and the event catalogue in the statistics store. An import records a registration or
/// check-in once the event's day has come (rows for later days are rejected as future), so
/// "upcoming" holds only what starts later today or was recorded ahead by a source that does.
/// </summary>
public sealed class MyEvents(MedlemDbContext db, StatisticsStore store, TimeProvider clock)
{
    public async Task<MyEventList> RunAsync(Guid personId, CancellationToken ct)
    {
        var memberships = await db.Memberships.OwnedBy(personId).AsNoTracking()
            .Select(m => new { m.Id, m.LibraryId, m.Pseudonym })
            .ToListAsync(ct);
        if (memberships.Count == 0)
        {
            return new([], []);
        }

        var libraryIds = memberships.Select(m => m.LibraryId).Distinct().ToList();
        var libraries = await db.Libraries.AsNoTracking().Where(l => libraryIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => new MyLibrary(l.Id, l.Code, l.Name), ct);
        var branches = await db.Branches.AsNoTracking().Where(b => libraryIds.Contains(b.LibraryId)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);

        var now = clock.GetLocalNow().DateTime;
        var today = DateOnly.FromDateTime(now);
        var events = new List<MyEvent>();
        await using var connection = await store.OpenAsync(ct);
        foreach (var library in libraryIds)
        {
            var pseudonyms = memberships.Where(m => m.LibraryId == library).Select(m => m.Pseudonym).ToList();
            foreach (var e in await MemberActivity.EventsAsync(connection, (short)library, pseudonyms, ct))
            {
                var upcoming = e.StartsAt is { } starts ? starts > now : e.Day > today;
                events.Add(new MyEvent(
                    libraries[library], e.EventId, e.Title, e.Category, e.StartsAt, e.Day,
                    e.BranchId is { } b ? branches.GetValueOrDefault(b) : null, upcoming));
            }
        }

        // The same event counts once even when two facts name it (a registration and a check-in under two references).
        var distinct = events.DistinctBy(e => (e.Library.Id, e.EventId)).ToList();
        return new(
            [.. distinct.Where(e => e.Upcoming).OrderBy(e => e.StartsAt ?? e.Day.ToDateTime(TimeOnly.MinValue))],
            [.. distinct.Where(e => !e.Upcoming).OrderByDescending(e => e.StartsAt ?? e.Day.ToDateTime(TimeOnly.MinValue))]);
    }
}
