using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Consortium.Sharing;

/// <summary>A member of another library found under a sharing rule, with their membership of it (the audit trail's subject).</summary>
public sealed record SharedHit(int OwnerLibraryId, Guid MembershipId, MemberHit Hit);

/// <summary>
/// Finding and reading another library's members, only where that library shares with the
/// reader's (<see cref="SharingRules"/>), with the owner's own tenancy rules. Read only: nothing
/// here changes a member. Callers record every search and read in the audit trail with the
/// shared purposes, so the owner's data protection officer sees them.
/// </summary>
public sealed class SharedMembers(MedlemDbContext db, SharingRules rules, FindMembers find, GetMember get)
{
    public async Task<IReadOnlyList<SharedHit>> FindAsync(int recipientLibraryId, string? query, CancellationToken ct)
    {
        var hits = new List<SharedHit>();
        foreach (var owner in await rules.OwnersSharingWithAsync(recipientLibraryId, ct))
        {
            var found = await find.RunAsync(owner, query, ct);
            var people = found.Select(h => h.PersonId).ToList();
            var memberships = (await db.Memberships.AsNoTracking().OfLibrary(owner).Where(m => people.Contains(m.PersonId))
                    .Select(m => new { m.PersonId, m.Id }).ToListAsync(ct))
                .GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.First().Id);
            hits.AddRange(found.Select(h => new SharedHit(owner, memberships[h.PersonId], h)));
        }

        return hits;
    }

    /// <summary>The person as the owner's staff see them; null without a rule or outside the owner.</summary>
    public async Task<MemberView?> GetAsync(int recipientLibraryId, int ownerLibraryId, Guid personId, CancellationToken ct) =>
        (await rules.OwnersSharingWithAsync(recipientLibraryId, ct)).Contains(ownerLibraryId)
            ? await get.RunAsync(ownerLibraryId, personId, ct)
            : null;
}
