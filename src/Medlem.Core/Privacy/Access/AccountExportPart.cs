using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Access;

/// <summary>
/// How the person signs in to the member pages, and what the library mailed them: which ways of
/// signing in exist (PIN, password, electronic ID: yes or no, never a hash or the electronic-ID
/// subject), the last sign-in, the one-time links sent (purpose, address, when made, until when,
/// when used; never the token, which is not kept) and the messages sent (kind, address, time).
/// </summary>
/// <remarks>
/// The account is the person's, shared by the libraries they belong to, so every library's export
/// shows it. Links are the library's when made for one of its memberships; a link made for no
/// membership (a reset of the shared account) is shown to every library that sees the person.
/// Messages are the library's that sent them.
/// </remarks>
public sealed class AccountExportPart(MedlemDbContext db) : IAccessExportPart
{
    public async Task<AccessExportSection> ContributeAsync(AccessExportSubject subject, CancellationToken ct)
    {
        var entries = new List<IReadOnlyDictionary<string, string?>>();
        var account = await db.MemberAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.PersonId == subject.PersonId, ct);
        if (account is not null)
        {
            entries.Add(ConsentExportPart.Entry(
                ("record", "account"),
                ("pin", YesNo(account.PinHash is not null)),
                ("password", YesNo(account.PasswordHash is not null)),
                ("electronicId", YesNo(account.ElectronicIdSubject is not null)),
                ("lastSignIn", Instant(account.LastSignInAt)),
                ("failedSignInsInARow", account.FailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("lockedUntil", Instant(account.LockedUntil)),
                ("created", Instant(account.CreatedAt))));
        }

        var links = await db.MemberLinks.AsNoTracking()
            .Where(l => l.PersonId == subject.PersonId && (l.MembershipId == null || subject.MembershipIds.Contains(l.MembershipId.Value)))
            .ToListAsync(ct);
        entries.AddRange(links.OrderBy(l => l.CreatedAt).Select(l => ConsentExportPart.Entry(
            ("record", "link"), ("purpose", l.Purpose.ToString()), ("sentTo", l.SentTo), ("created", Instant(l.CreatedAt)),
            ("expires", Instant(l.ExpiresAt)), ("used", Instant(l.UsedAt)))));

        var messages = await db.SentMessages.AsNoTracking()
            .Where(m => m.PersonId == subject.PersonId && m.LibraryId == subject.LibraryId)
            .ToListAsync(ct);
        entries.AddRange(messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id).Select(m => ConsentExportPart.Entry(
            ("record", "message"), ("kind", m.Template), ("sentTo", m.SentTo), ("sent", Instant(m.SentAt)))));

        const string note = "Secrets are stored only as hashes and are not exported; links are stored only as a hash of their token.";
        return new("account", "recorded", note, entries);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string? Instant(DateTimeOffset? at) => at is { } value ? ConsentExportPart.Instant(value) : null;
}
