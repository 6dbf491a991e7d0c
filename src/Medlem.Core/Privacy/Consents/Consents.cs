using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Consents;

/// <summary>A purpose's state for a membership: given (to a text that still counts), or asked again after a material change.</summary>
public sealed record ConsentState(ConsentPurpose Purpose, bool Given, bool NeedsRenewal, ConsentText Text, ConsentRecord? Latest);

/// <summary>Who is acting on a consent, and where.</summary>
public sealed record ConsentAct(ConsentChannel Channel, ConsentActor ActedBy, Guid? GuardianId = null, int? StaffAccountId = null);

/// <summary>
/// Consents of a membership (privacy issue): off until given (privacy by default); given to the
/// text version the member saw; withdrawn at once — withdrawing the reading history deletes the
/// kept titles in the statistics store first. Under 13 only a guardian gives or withdraws
/// (personopplysningsloven § 5); from 13 the child decides. Recommendations are profiling and are
/// not offered to children (GDPR recital 71). Records are appended, never changed.
/// </summary>
public sealed class Consents(MedlemDbContext db, StatisticsStore store, ConsentTexts texts, TimeProvider clock)
{
    /// <summary>Below this age a guardian consents for the child (personopplysningsloven § 5).</summary>
    public const int OwnConsentFromAge = 13;

    /// <summary>Below this age no profiling (recommendations) is offered.</summary>
    public const int AdultAge = 18;

    public async Task<IReadOnlyList<ConsentState>?> StatesAsync(int libraryId, Guid membershipId, CancellationToken ct)
    {
        if (!await db.Memberships.OfLibrary(libraryId).AnyAsync(m => m.Id == membershipId, ct))
        {
            return null;
        }

        var records = await db.ConsentRecords.AsNoTracking().Where(r => r.MembershipId == membershipId).ToListAsync(ct);
        return [.. Enum.GetValues<ConsentPurpose>().Select(p => StateOf(p, records.Where(r => r.Purpose == p).MaxBy(r => r.Id)))];
    }

    public async Task<IReadOnlyList<ConsentRecord>?> HistoryAsync(int libraryId, Guid membershipId, CancellationToken ct) =>
        await db.Memberships.OfLibrary(libraryId).AnyAsync(m => m.Id == membershipId, ct)
            ? await db.ConsentRecords.AsNoTracking().Where(r => r.MembershipId == membershipId).OrderByDescending(r => r.Id).ToListAsync(ct)
            : null;

    public ConsentState StateOf(ConsentPurpose purpose, ConsentRecord? latest)
    {
        var counts = latest is { Given: true } && latest.TextVersion >= texts.LastMaterialVersion(purpose);
        return new(purpose, counts, latest is { Given: true } && !counts, texts.Current(purpose), latest);
    }

    public async Task<Outcome<ConsentRecord>> SetAsync(int libraryId, Guid membershipId, ConsentPurpose purpose, bool given, int textVersion, ConsentAct act, CancellationToken ct)
    {
        var membership = await db.Memberships.OfLibrary(libraryId).Include(m => m.Person).SingleOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null || !Enum.IsDefined(purpose))
        {
            return Outcome<ConsentRecord>.Missing();
        }

        if (texts.Of(purpose, textVersion) is null || (given && textVersion != texts.Current(purpose).Version))
        {
            return Outcome<ConsentRecord>.Invalid("TextVersion", "consent.text-outdated");
        }

        var age = membership.Person!.AgeOn(DateOnly.FromDateTime(clock.GetLocalNow().Date));
        if (age < OwnConsentFromAge && act.ActedBy != ConsentActor.Guardian)
        {
            return Outcome<ConsentRecord>.Invalid("ActedBy", "consent.guardian-required");
        }

        if (act.ActedBy == ConsentActor.Guardian)
        {
            if (age >= OwnConsentFromAge)
            {
                return Outcome<ConsentRecord>.Invalid("ActedBy", "consent.own-decision");
            }

            if (act.GuardianId is not { } guardianId || !await db.Guardianships.AnyAsync(g => g.ChildId == membership.PersonId && g.GuardianId == guardianId, ct))
            {
                return Outcome<ConsentRecord>.Invalid("GuardianId", "guardian.unknown");
            }
        }

        if (given && purpose == ConsentPurpose.Recommendations && age < AdultAge)
        {
            return Outcome<ConsentRecord>.Invalid("Purpose", "consent.no-profiling-of-children");
        }

        if (!given && purpose == ConsentPurpose.ReadingHistory)
        {
            // First the titles, then the record: if the record fails, the titles are gone as the member asked.
            await using var connection = await store.OpenAsync(ct);
            await ReadingHistory.ForgetAsync(connection, (short)libraryId, membership.Pseudonym, ct);
        }

        var record = new ConsentRecord
        {
            MembershipId = membershipId, Purpose = purpose, Given = given, At = clock.GetUtcNow(), Channel = act.Channel,
            TextVersion = textVersion, ActedBy = act.ActedBy, GuardianId = act.GuardianId, StaffAccountId = act.StaffAccountId,
        };
        db.ConsentRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return Outcome<ConsentRecord>.Success(record);
    }

    /// <summary>The memberships of a library whose reading-history consent counts now (read by imports).</summary>
    public static async Task<HashSet<Guid>> KeepingReadingHistoryAsync(MedlemDbContext db, ConsentTexts texts, int libraryId, CancellationToken ct)
    {
        var purpose = ConsentPurpose.ReadingHistory;
        var minimum = texts.LastMaterialVersion(purpose);
        var latest = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.Purpose == purpose && db.Memberships.Any(m => m.Id == r.MembershipId && m.LibraryId == libraryId))
            .GroupBy(r => r.MembershipId)
            .Select(g => g.OrderByDescending(r => r.Id).First())
            .ToListAsync(ct);
        return [.. latest.Where(r => r.Given && r.TextVersion >= minimum).Select(r => r.MembershipId)];
    }
}
