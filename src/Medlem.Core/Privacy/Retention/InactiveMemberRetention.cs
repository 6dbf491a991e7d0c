using Medlem.Core.Data;
using Medlem.Core.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Retention;

/// <summary>Tells an inactive member that their membership will be deleted; false when there is no verified address to tell.</summary>
public interface IInactivityNotifier
{
    public const string Template = "inactive-notice";

    Task<bool> NotifyAsync(int libraryId, Guid personId, CancellationToken ct);
}

/// <summary>
/// Members with no recorded use for <see cref="RetentionPolicy.InactiveYears"/> (loans, digital
/// loans, events, identified wifi, and signing in to the member pages all count; a membership
/// counts from its start) are told by e-mail, and deleted when
/// <see cref="RetentionPolicy.InactiveNoticeDays"/> have passed without use since. A member
/// without a verified address cannot be told, and is deleted at once. Legal holds still apply
/// (<see cref="ErasePerson"/>). At most <see cref="RetentionPolicy.InactiveActionsPerRun"/>
/// notices and deletions per library and run, oldest membership first, so the first run over a
/// large backlog does not hold the nightly job for hours; the rest follow night by night.
/// </summary>
public sealed class InactiveMemberRetention(MedlemDbContext db, ErasePerson erasure, IInactivityNotifier notifier) : IRetentionRule
{
    public string Key => "inactive-members";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        var libraryId = scope.Library.Id;
        var cutoff = DateOnly.FromDateTime(scope.Now.UtcDateTime).AddYears(-scope.Policy.InactiveYears);
        // Dates compare in SQL on both providers; instants (sign-ins, notices) are compared here.
        var candidates = await db.Memberships.AsNoTracking()
            .Where(m => m.LibraryId == libraryId && m.ValidFrom < cutoff && (m.LastUsedOn == null || m.LastUsedOn < cutoff)
                && m.Limit != Restriction.ProcessingLimit.ErasurePending)
            .OrderBy(m => m.ValidFrom)
            .Select(m => new { m.PersonId, m.LastUsedOn, m.ValidFrom })
            .ToListAsync(ct);
        // Joined in SQL, not passed as a list: a library may have more candidates than SQLite takes parameters.
        var signIns = await db.MemberAccounts.AsNoTracking()
            .Where(a => a.LastSignInAt != null && db.Memberships.Any(m => m.PersonId == a.PersonId && m.LibraryId == libraryId))
            .Select(a => new { a.PersonId, a.LastSignInAt }).ToDictionaryAsync(a => a.PersonId, a => a.LastSignInAt!.Value, ct);
        var notices = (await db.SentMessages.AsNoTracking()
                .Where(m => m.LibraryId == libraryId && m.Template == IInactivityNotifier.Template)
                .Select(m => new { m.PersonId, m.SentAt }).ToListAsync(ct))
            .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.Max(m => m.SentAt));

        long done = 0;
        foreach (var person in candidates.GroupBy(c => c.PersonId))
        {
            if (done >= scope.Policy.InactiveActionsPerRun)
            {
                break; // the rest next night: one run stays short however large the first backlog
            }

            var lastUse = person.Max(m => m.LastUsedOn ?? m.ValidFrom).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var lastSignIn = signIns.GetValueOrDefault(person.Key);
            if (lastSignIn.UtcDateTime > lastUse)
            {
                lastUse = lastSignIn.UtcDateTime;
            }

            if (DateOnly.FromDateTime(lastUse) >= cutoff)
            {
                continue;
            }

            var noticed = notices.TryGetValue(person.Key, out var sentAt) && sentAt.UtcDateTime > lastUse ? sentAt : (DateTimeOffset?)null;
            done += await ActAsync(scope, person.Key, noticed, ct);
        }

        return done;
    }

    /// <summary>Notify first; erase once the notice period has passed (or when nobody can be told).</summary>
    private async Task<long> ActAsync(RetentionScope scope, Guid personId, DateTimeOffset? noticed, CancellationToken ct)
    {
        if (noticed is { } sent && sent.AddDays(scope.Policy.InactiveNoticeDays) > scope.Now)
        {
            return 0; // told, still within the notice period
        }

        if (scope.DryRun)
        {
            return 1;
        }

        if (noticed is null && await notifier.NotifyAsync(scope.Library.Id, personId, ct))
        {
            return 1;
        }

        return (await erasure.RunAsync(scope.Library.Id, personId, ct)).Status == ErasureStatus.Erased ? 1 : 0;
    }
}
