using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members;

/// <summary>What staff of one library see of a person: the national identity number only masked, memberships of their own library only.</summary>
public sealed record MemberView(
    Guid PersonId,
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    int Age,
    string? MaskedNationalIdentityNumber,
    PostalAddress? Address,
    IReadOnlyList<ContactPoint> ContactPoints,
    PreferredLanguage PreferredLanguage,
    IReadOnlyList<MembershipView> Memberships,
    IReadOnlyList<RelatedPerson> Guardians,
    IReadOnlyList<RelatedPerson> Children);

public sealed record MembershipView(
    Guid MembershipId,
    MembershipType Type,
    int? HomeBranchId,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    VerificationLevel Verification,
    MembershipStatus Status,
    EngagementStage Stage,
    bool AwaitsGuardianApproval,
    string? BlockReason,
    DateOnly? LastUsedOn,
    int LoansLast12Months,
    IReadOnlyList<LibraryCard> Cards);

public sealed record RelatedPerson(Guid PersonId, string FullName);

/// <summary>
/// Reads one person as staff of <c>libraryId</c> may see them; null when outside the library.
/// A caller that shows or returns the result must record the read with
/// <see cref="Privacy.Audit.AuditTrail"/> first (DESIGN.md §4).
/// </summary>
public sealed class GetMember(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    public async Task<MemberView?> RunAsync(int libraryId, Guid personId, CancellationToken ct)
    {
        var person = await db.VisibleTo(libraryId)
            .AsNoTracking()
            .Include(p => p.ContactPoints)
            .Include(p => p.Memberships.Where(m => m.LibraryId == libraryId)).ThenInclude(m => m.Cards)
            .Include(p => p.Memberships.Where(m => m.LibraryId == libraryId)).ThenInclude(m => m.MembershipType)
            .Include(p => p.Guardians).ThenInclude(g => g.Guardian)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var children = await db.Guardianships
            .Where(g => g.GuardianId == personId)
            .Join(db.VisibleTo(libraryId), g => g.ChildId, p => p.Id, (g, p) => new { p.Id, p.GivenName, p.FamilyName })
            .ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var memberships = person.Memberships.OrderByDescending(m => m.ValidFrom).Select(m =>
        {
            var status = rules.Status.Evaluate(m, m.MembershipType!, person.BirthDate, today);
            return new MembershipView(
                m.Id, m.MembershipType!, m.HomeBranchId, m.ValidFrom, m.ValidTo, m.Verification, status,
                rules.Ladder.StageOf(m, status),
                rules.Status.NeedsGuardianApproval(person.BirthDate, today) && m.GuardianApprovedAt is null,
                m.BlockReason, m.LastUsedOn, m.LoansLast12Months,
                m.Cards.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id).ToList());
        }).ToList();

        return new MemberView(
            person.Id,
            person.GivenName,
            person.FamilyName,
            person.BirthDate,
            person.AgeOn(today),
            person.NationalIdentityNumber is null ? null : NationalIdentityNumber.Mask(person.NationalIdentityNumber),
            person.Address,
            person.ContactPoints.OrderBy(c => c.Kind).ToList(),
            person.PreferredLanguage,
            memberships,
            person.Guardians.Select(g => new RelatedPerson(g.GuardianId, g.Guardian!.FullName)).ToList(),
            children.Select(c => new RelatedPerson(c.Id, $"{c.GivenName} {c.FamilyName}")).ToList());
    }
}
