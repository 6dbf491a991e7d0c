using Medlem.Core.Data;
using Medlem.Core.Privacy.Consents;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>
/// The consents of one of the member's memberships, as the member page shows them. Consents are
/// per membership, because each library is its own controller.
/// </summary>
/// <param name="Membership">The membership the consents belong to.</param>
/// <param name="GuardianDecides">Under 13: only a guardian gives or withdraws (personopplysningsloven § 5); the member sees the state but has no switch.</param>
/// <param name="ProfilingOffered">Recommendations (profiling) are offered from 18 only (GDPR recital 71).</param>
/// <param name="States">Each purpose with the text in force and whether a consent to it counts.</param>
/// <param name="History">Every giving and withdrawal, the latest first.</param>
public sealed record MyConsentSet(
    MyMembership Membership, bool GuardianDecides, bool ProfilingOffered, IReadOnlyList<ConsentState> States, IReadOnlyList<ConsentRecord> History);

/// <summary>
/// The member's own consents: each purpose with its current text and state, the history of
/// changes, and giving or withdrawing through <see cref="Consents"/> with channel "member page"
/// and the member as actor — so its rules hold here too (guardian under 13, no profiling of
/// children, the text version the member saw, withdrawing the reading history deletes the titles).
/// A membership that is not the person's own is not found.
/// </summary>
public sealed class MyConsents(MedlemDbContext db, Consents consents, MyMemberships memberships, TimeProvider clock)
{
    public static readonly ConsentAct ByMemberOnMemberPage = new(ConsentChannel.MemberPage, ConsentActor.Member);

    public async Task<IReadOnlyList<MyConsentSet>> RunAsync(Guid personId, CancellationToken ct)
    {
        var mine = await memberships.ListAsync(personId, ct);
        if (mine.Count == 0)
        {
            return [];
        }

        var birthDate = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.BirthDate).SingleAsync(ct);
        var age = Ages.YearsBetween(birthDate, DateOnly.FromDateTime(clock.GetLocalNow().Date));
        var result = new List<MyConsentSet>();
        foreach (var membership in mine)
        {
            var states = await consents.StatesAsync(membership.Library.Id, membership.Id, ct) ?? [];
            var history = await consents.HistoryAsync(membership.Library.Id, membership.Id, ct) ?? [];
            result.Add(new MyConsentSet(membership, age < Consents.OwnConsentFromAge, age >= Consents.AdultAge, states, history));
        }

        return result;
    }

    /// <summary>Gives or withdraws a consent of the member's own membership, to the text version they were shown.</summary>
    public async Task<Outcome<ConsentRecord>> SetAsync(Guid personId, Guid membershipId, ConsentPurpose purpose, bool given, int textVersion, CancellationToken ct)
    {
        var libraryId = await db.Memberships.OwnedBy(personId).Where(m => m.Id == membershipId).Select(m => (int?)m.LibraryId).SingleOrDefaultAsync(ct);
        return libraryId is { } library
            ? await consents.SetAsync(library, membershipId, purpose, given, textVersion, ByMemberOnMemberPage, ct)
            : Outcome<ConsentRecord>.Missing();
    }
}
