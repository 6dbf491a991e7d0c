using Medlem.Core.Members.Accounts;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.ElectronicId;

/// <summary>A person found by their electronic ID, and where their pages are.</summary>
public sealed record ElectronicIdPerson(Guid PersonId, string GivenName, bool HasMembership, bool IsGuardian);

/// <summary>The outcome of <see cref="SignInWithElectronicId.RunAsync"/>: a person, nobody known, or a refusal.</summary>
public sealed record ElectronicIdSignInResult(ElectronicIdPerson? Person, ElectronicIdRefusal? Refusal)
{
    public bool Unknown => Person is null && Refusal is null;
}

/// <summary>
/// Someone not signed in uses electronic ID: found by the electronic ID already linked to their
/// account, or else by their national identity number (and then the electronic ID is linked, so
/// the next sign-in is one indexed lookup). A number nobody holds finds nobody, and nobody is
/// created: joining is the person's own choice, on the sign-up page.
/// </summary>
public sealed class SignInWithElectronicId(MedlemDbContext db, TimeProvider clock)
{
    public async Task<ElectronicIdSignInResult> RunAsync(ElectronicIdentity identity, CancellationToken ct)
    {
        var bySubject = await NumberHolders.BySubjectAsync(db, identity.SubjectHash, ct);
        var byNumber = await NumberHolders.FindAsync(db, identity.NationalIdentityNumber, identity.BirthDate, ct);
        if (bySubject is { } linked && byNumber is { } holder && linked != holder)
        {
            // The register disagrees with itself; a librarian must sort it out before anyone signs in.
            return new(null, ElectronicIdRefusal.NumberOnAnotherPerson);
        }

        if ((bySubject ?? byNumber) is not { } personId)
        {
            return new(null, null);
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new
            {
                p.GivenName,
                p.NationalIdentityNumber,
                Memberships = p.Memberships.Count,
                Open = p.Memberships.Count(m => m.BlockedAt == null),
                IsGuardian = db.Guardianships.Any(g => g.GuardianId == p.Id),
            })
            .SingleAsync(ct);
        if (person.NationalIdentityNumber is { } onRecord && ElectronicIdentity.Digits(onRecord) != identity.NationalIdentityNumber)
        {
            return new(null, ElectronicIdRefusal.AnotherNumberOnRecord);
        }

        if (person.Memberships > 0 && person.Open == 0 && !person.IsGuardian)
        {
            return new(null, ElectronicIdRefusal.Blocked);
        }

        var now = clock.GetUtcNow();
        var account = await AccountsOf.GetOrAddAsync(db, personId, now, ct);
        account.ElectronicIdSubject = identity.SubjectHash;
        account.LastSignInAt = now;
        account.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new(new ElectronicIdPerson(personId, person.GivenName, person.Open > 0, person.IsGuardian), null);
    }
}
