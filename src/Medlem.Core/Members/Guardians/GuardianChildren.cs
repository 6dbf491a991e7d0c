using Medlem.Core.Data;
using Medlem.Core.Privacy.Requests;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.Guardians;

/// <summary>One membership of a guardian's child, as the guardian's page shows it.</summary>
public sealed record ChildMembership(
    Guid MembershipId, Guid ChildId, string GivenName, string FamilyName, DateOnly BirthDate, int Age,
    int LibraryId, string LibraryName, MembershipType Type, MembershipStatus Status, bool AwaitsGuardianApproval, bool EndRequested);

/// <summary>
/// The memberships of a guardian's children, across the consortium's libraries. Reached only
/// through the guardian's own <see cref="Guardianship"/> rows: a membership of any other child is
/// "not found", whatever id is asked for.
/// </summary>
public sealed class GuardianChildren(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public Task<List<ChildMembership>> ListAsync(Guid guardianId, CancellationToken ct) => QueryAsync(guardianId, null, ct);

    public async Task<ChildMembership?> FindAsync(Guid guardianId, Guid membershipId, CancellationToken ct) =>
        (await QueryAsync(guardianId, membershipId, ct)).SingleOrDefault();

    private async Task<List<ChildMembership>> QueryAsync(Guid guardianId, Guid? membershipId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => db.Guardianships.Any(g => g.GuardianId == guardianId && g.ChildId == m.PersonId))
            .Where(m => membershipId == null || m.Id == membershipId)
            .Select(m => new
            {
                Membership = m,
                Person = m.Person!,
                Type = m.MembershipType!,
                Library = db.Libraries.Where(l => l.Id == m.LibraryId).Select(l => l.Name).Single(),
                EndRequested = db.PrivacyRequests.Any(r => r.PersonId == m.PersonId && r.LibraryId == m.LibraryId && r.Kind == RequestKind.Erasure
                    && (r.Status == RequestStatus.Received || r.Status == RequestStatus.Verified)),
            })
            .ToListAsync(ct);
        var today = Today;
        return [.. rows
            .Select(r =>
            {
                var (m, person) = (r.Membership, r.Person);
                return new ChildMembership(
                    m.Id, m.PersonId, person.GivenName, person.FamilyName, person.BirthDate, person.AgeOn(today), m.LibraryId, r.Library, r.Type,
                    rules.Status.Evaluate(m, r.Type, person.BirthDate, today),
                    m.BlockedAt is null && m.GuardianApprovedAt is null && rules.Status.NeedsGuardianApproval(person.BirthDate, today),
                    r.EndRequested);
            })
            .OrderBy(c => c.GivenName, StringComparer.Ordinal).ThenBy(c => c.LibraryName, StringComparer.Ordinal)];
    }
}
