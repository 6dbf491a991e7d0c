using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Audit;

/// <summary>Which entries to list: one library's, optionally of one person and within [From, To).</summary>
public sealed record AuditQuery(int LibraryId, Guid? PersonId, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);

/// <summary>One entry as the data protection officer sees it, with the reader's display name.</summary>
public sealed record AuditLine(AuditEntry Entry, string StaffName);

public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, int Page, int PageCount, int Total);

/// <summary>
/// The trail as its library's data protection officer reads it: entries written by the library's
/// own staff (who can only have read the library's members), and reads of its members by another
/// library's staff under a sharing rule, newest first. Another library's other entries are never
/// listed, whatever the filter.
/// </summary>
public sealed class AuditLog(MedlemDbContext db)
{
    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken ct)
    {
        // Its own staff's entries, and other libraries' reads of its members under a sharing rule.
        var entries = Between(query.From, query.To).AsNoTracking().Where(e => e.LibraryId == query.LibraryId
            || ((e.Purpose == AuditPurposes.SharedSearch || e.Purpose == AuditPurposes.SharedRead)
                && db.Memberships.Any(m => m.Id == e.MembershipId && m.LibraryId == query.LibraryId)));
        if (query.PersonId is { } person)
        {
            entries = entries.Where(e => e.PersonId == person);
        }

        var total = await entries.CountAsync(ct);
        var pageCount = Math.Max(1, (total + query.PageSize - 1) / query.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        // Sequence numbers grow with time, so they order the page (SQLite cannot order instants).
        var shown = await entries
            .OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(ct);
        var staffIds = shown.Select(e => e.StaffAccountId).Distinct().ToList();
        var names = await db.StaffAccounts.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        return new AuditPage(shown.Select(e => new AuditLine(e, names.GetValueOrDefault(e.StaffAccountId, ""))).ToList(), page, pageCount, total);
    }

    private IQueryable<AuditEntry> Between(DateTimeOffset? from, DateTimeOffset? to)
    {
        var start = (from ?? DateTimeOffset.MinValue).ToUniversalTime();
        var end = (to ?? DateTimeOffset.MaxValue).ToUniversalTime();
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) != true)
        {
            return db.AuditEntries.Where(e => e.At >= start && e.At < end);
        }

        // EF cannot compare instants on SQLite. Every At is stored in UTC (MedlemDbContext's
        // converter) as text of one format, and such texts sort as their instants do.
        return db.AuditEntries.FromSqlRaw("SELECT * FROM \"AuditEntries\" WHERE \"At\" >= {0} AND \"At\" < {1}", SqliteText(start), SqliteText(end));
    }

    /// <summary>The text EF Core's SQLite provider stores for a UTC instant.</summary>
    private static string SqliteText(DateTimeOffset utc) =>
        utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);
}
