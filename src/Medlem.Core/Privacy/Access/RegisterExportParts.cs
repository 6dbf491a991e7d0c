using System.Globalization;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Access;

/// <summary>The consents given and withdrawn for the person's memberships of the library, oldest first.</summary>
public sealed class ConsentExportPart(MedlemDbContext db) : IAccessExportPart
{
    public async Task<AccessExportSection> ContributeAsync(AccessExportSubject subject, CancellationToken ct)
    {
        var records = await db.ConsentRecords.AsNoTracking().Where(r => subject.MembershipIds.Contains(r.MembershipId)).OrderBy(r => r.Id).ToListAsync(ct);
        return new("consents", "recorded", null, [.. records.Select(r => Entry(
            ("membership", r.MembershipId.ToString()), ("purpose", r.Purpose.ToString()), ("given", r.Given ? "true" : "false"),
            ("at", Instant(r.At)), ("channel", r.Channel.ToString()), ("textVersion", r.TextVersion.ToString(CultureInfo.InvariantCulture)),
            ("actedBy", r.ActedBy.ToString())))]);
    }

    internal static IReadOnlyDictionary<string, string?> Entry(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>The person's data-subject requests to the library and what was done with them.</summary>
public sealed class RequestExportPart(MedlemDbContext db) : IAccessExportPart
{
    public async Task<AccessExportSection> ContributeAsync(AccessExportSubject subject, CancellationToken ct)
    {
        var requests = await db.PrivacyRequests.AsNoTracking().Where(r => r.LibraryId == subject.LibraryId && r.PersonId == subject.PersonId).ToListAsync(ct);
        return new("requests", "recorded", null, [.. requests.OrderBy(r => r.ReceivedAt).Select(r => ConsentExportPart.Entry(
            ("kind", r.Kind.ToString()), ("status", r.Status.ToString()), ("received", ConsentExportPart.Instant(r.ReceivedAt)),
            ("due", r.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("description", r.Description), ("outcome", r.Outcome)))]);
    }
}

/// <summary>Who among the library's staff read or changed the person's data, when, and why (the audit trail; staff by their account number).</summary>
public sealed class AuditExportPart(MedlemDbContext db) : IAccessExportPart
{
    public async Task<AccessExportSection> ContributeAsync(AccessExportSubject subject, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.LibraryId == subject.LibraryId && e.PersonId == subject.PersonId)
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        return new("audit", "recorded", null, [.. entries.Select(e => ConsentExportPart.Entry(
            ("at", ConsentExportPart.Instant(e.At)), ("staffAccount", e.StaffAccountId.ToString(CultureInfo.InvariantCulture)),
            ("action", e.Action.ToString()), ("purpose", e.Purpose)))]);
    }
}
