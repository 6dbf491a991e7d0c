using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.ElectronicId;

/// <summary>
/// A signed-in member confirms their identity with electronic ID: the upgrade to borrower without
/// a visit to the desk. Stores the number and real birth date on their record, electronic ID as
/// the verification of their memberships, and links the electronic ID to their account, in one
/// save; or, when the number or the electronic ID belongs to someone else or the record disagrees
/// (<see cref="ElectronicIdUpgradeRules"/>), changes nothing and says why.
/// </summary>
/// <remarks>Callers MUST have the person from the member's own session, and the identity from a validated ID token.</remarks>
public sealed class UpgradeWithElectronicId(MedlemDbContext db, TimeProvider clock)
{
    public async Task<ElectronicIdRefusal?> RunAsync(Guid personId, ElectronicIdentity identity, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return ElectronicIdRefusal.PersonMissing;
        }

        var holder = await NumberHolders.FindAsync(db, identity.NationalIdentityNumber, identity.BirthDate, ct);
        if (holder is { } holderId && holderId != personId)
        {
            return ElectronicIdRefusal.NumberOnAnotherPerson;
        }

        var linked = await NumberHolders.BySubjectAsync(db, identity.SubjectHash, ct);
        if (linked is { } linkedId && linkedId != personId)
        {
            return ElectronicIdRefusal.SubjectOnAnotherPerson;
        }

        if (ElectronicIdUpgradeRules.Disagreement(person, identity) is { } disagreement)
        {
            return disagreement;
        }

        var now = clock.GetUtcNow();
        ElectronicIdUpgradeRules.Apply(person, identity, now);
        await BecomeBorrowerAsync(person, now, ct);
        var account = await AccountsOf.GetOrAddAsync(db, personId, now, ct);
        account.ElectronicIdSubject = identity.SubjectHash;
        account.LastSignInAt = now;
        account.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The subject's unique index: the same electronic ID was linked to someone else a moment ago.
            db.ChangeTracker.Clear();
            return ElectronicIdRefusal.SubjectOnAnotherPerson;
        }

        return null;
    }

    /// <summary>
    /// Identity proven, a digital membership becomes the library's full membership for the
    /// person's age (borrower from 18, youth from 15, child below): the upgrade to borrower
    /// without a visit to the desk. A library without such an active type keeps the digital one.
    /// </summary>
    private async Task BecomeBorrowerAsync(Person person, DateTimeOffset now, CancellationToken ct)
    {
        var age = person.AgeOn(DateOnly.FromDateTime(clock.GetLocalNow().Date));
        string[] fitting = age >= 18 ? [DefaultMembershipTypes.Codes.Borrower]
            : age >= 15 ? [DefaultMembershipTypes.Codes.Youth]
            : [DefaultMembershipTypes.Codes.Child];
        foreach (var membership in person.Memberships)
        {
            var type = await db.MembershipTypes.AsNoTracking().SingleAsync(t => t.Id == membership.MembershipTypeId, ct);
            if (type.Code != DefaultMembershipTypes.Codes.Digital)
            {
                continue;
            }

            var full = await db.MembershipTypes.AsNoTracking()
                .Where(t => t.LibraryId == membership.LibraryId && t.Active && fitting.Contains(t.Code)).FirstOrDefaultAsync(ct);
            if (full is not null && full.AllowsAge(age))
            {
                membership.MembershipTypeId = full.Id;
                membership.UpdatedAt = now;
            }
        }
    }
}
