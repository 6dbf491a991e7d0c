using Medlem.Core.Members.Accounts;
using Medlem.Core.Data;
using Medlem.Core.Members.ElectronicId;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.Guardians;

/// <summary>The guardian who approved: who to sign in.</summary>
public sealed record ApprovingGuardian(Guid PersonId, string GivenName);

/// <summary>
/// A guardian approves a child's membership through the link they were sent: by electronic ID
/// (the strong way: the guardian is identified by their national identity number) or by the link
/// alone, which proves the e-mail address (the guardian gives name and birth year and confirms
/// parental responsibility). Either way the guardian becomes a person in the register (or is
/// found there), a guardian of the child, and the approver of the membership; the link is used
/// up. All of it in one transaction, or nothing.
/// </summary>
/// <remarks>Link problems come back under the field <c>Link</c>, input problems under the input's field names.</remarks>
public sealed class ApproveChild(MedlemDbContext db, MemberRules rules, TimeProvider clock, GuardianApprovalLinks links)
{
    public const string LinkField = "Link";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Approval by the e-mail link.</summary>
    public async Task<Outcome<ApprovingGuardian>> ByEmailAsync(string? token, Guid membershipId, GuardianInput input, CancellationToken ct)
    {
        var child = ChildOf(await links.CheckAsync(token, ct), membershipId);
        if (!child.Succeeded)
        {
            return Outcome<ApprovingGuardian>.Invalid(child.Errors);
        }

        var errors = new ValidationErrors();
        if (GuardianInputRules.CheckAll(input, rules, Today, errors) is not { } guardian)
        {
            return Outcome<ApprovingGuardian>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var email = child.Value!.GuardianEmail;
        var sameAddress = await db.People.Include(p => p.ContactPoints)
            .Where(p => p.Id != child.Value.ChildId && p.ContactPoints.Any(c => c.Kind == ContactKind.Email && c.Value == email))
            .ToListAsync(ct);

        // A family may share an address: the person with this address, name and birth year is the guardian.
        var person = sameAddress.FirstOrDefault(p =>
            string.Equals(p.GivenName, guardian.Given, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.FamilyName, guardian.Family, StringComparison.OrdinalIgnoreCase)
            && p.BirthDate.Year == guardian.BirthDate.Year);
        if (person is null)
        {
            person = NewGuardian(guardian.Given, guardian.Family, guardian.BirthDate, birthYearOnly: true, email, now);
            db.People.Add(person);
        }
        else
        {
            foreach (var address in person.ContactPoints.Where(c => c.Kind == ContactKind.Email && c.Value == email && !c.Verified))
            {
                address.Verified = true;
                address.VerifiedAt = now;
            }
        }

        return await ApproveAsync(child.Value, person, now, ct);
    }

    /// <summary>
    /// Approval with electronic ID, after the round trip to the provider. <paramref name="linkId"/>
    /// comes from the protected sign-in state, not from the browser.
    /// </summary>
    public async Task<Outcome<ApprovingGuardian>> WithElectronicIdAsync(Guid linkId, Guid membershipId, ElectronicIdentity identity, GuardianInput names, CancellationToken ct)
    {
        var child = ChildOf(await links.CheckAsync(linkId, ct), membershipId);
        if (!child.Succeeded)
        {
            return Outcome<ApprovingGuardian>.Invalid(child.Errors);
        }

        var bySubject = await NumberHolders.BySubjectAsync(db, identity.SubjectHash, ct);
        var byNumber = await NumberHolders.FindAsync(db, identity.NationalIdentityNumber, identity.BirthDate, ct);
        if (bySubject is { } linked && byNumber is { } holder && linked != holder)
        {
            return Outcome<ApprovingGuardian>.Invalid(LinkField, ElectronicIdRefusal.NumberOnAnotherPerson.Code());
        }

        var now = clock.GetUtcNow();
        var person = (bySubject ?? byNumber) is { } known
            ? await db.People.Include(p => p.Memberships).SingleAsync(p => p.Id == known, ct)
            : null;
        if (person?.Id == child.Value!.ChildId)
        {
            return Outcome<ApprovingGuardian>.Invalid(LinkField, "guardian.is-child");
        }

        if (person is not null && ElectronicIdUpgradeRules.Disagreement(person, identity) is { } disagreement)
        {
            return Outcome<ApprovingGuardian>.Invalid(LinkField, disagreement.Code());
        }

        var errors = new ValidationErrors();
        if (person is null)
        {
            if (GuardianInputRules.CheckNames(names, errors) is not { } name)
            {
                return Outcome<ApprovingGuardian>.Invalid(errors);
            }

            // A number from 2032 on gives no birth date; its holder is a child for decades yet.
            person = NewGuardian(name.Given, name.Family, identity.BirthDate ?? Today, birthYearOnly: false, child.Value.GuardianEmail, now);
            person.NationalIdentityNumber = identity.NationalIdentityNumber;
            db.People.Add(person);
        }
        else if (person.NationalIdentityNumber is null)
        {
            ElectronicIdUpgradeRules.Apply(person, identity, now);
        }

        if (person.AgeOn(Today) < rules.GuardianMinimumAge)
        {
            return Outcome<ApprovingGuardian>.Invalid(LinkField, "guardian.too-young");
        }

        var account = await AccountsOf.GetOrAddAsync(db, person.Id, now, ct);
        account.ElectronicIdSubject = identity.SubjectHash;
        account.LastSignInAt = now;
        account.UpdatedAt = now;
        return await ApproveAsync(child.Value, person, now, ct);
    }

    private static Outcome<ChildToApprove> ChildOf(GuardianLinkCheck check, Guid membershipId)
    {
        if (check.Problem is { } problem)
        {
            return Outcome<ChildToApprove>.Invalid(LinkField, ProblemCode(problem));
        }

        return check.Child!.MembershipId == membershipId
            ? Outcome<ChildToApprove>.Success(check.Child)
            : Outcome<ChildToApprove>.Invalid(LinkField, ProblemCode(GuardianLinkProblem.OtherChild));
    }

    /// <summary>"guardian.link-used" and so on: the text key is "error." + the code.</summary>
    public static string ProblemCode(GuardianLinkProblem problem) => problem switch
    {
        GuardianLinkProblem.Unknown => "guardian.link-unknown",
        GuardianLinkProblem.Used => "guardian.link-used",
        GuardianLinkProblem.Expired => "guardian.link-expired",
        GuardianLinkProblem.OtherChild => "guardian.link-other-child",
        _ => "guardian.link-already-approved",
    };

    private static Person NewGuardian(string given, string family, DateOnly birthDate, bool birthYearOnly, string email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), GivenName = given, FamilyName = family, BirthDate = birthDate, BirthYearOnly = birthYearOnly,
        CreatedAt = now, UpdatedAt = now,
        ContactPoints = [new ContactPoint { Kind = ContactKind.Email, Value = email, Verified = true, VerifiedAt = now }],
    };

    private async Task<Outcome<ApprovingGuardian>> ApproveAsync(ChildToApprove child, Person guardian, DateTimeOffset now, CancellationToken ct)
    {
        var guardianId = guardian.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Claim the link first: of two approvals racing with one link, only one claims it.
        var claimed = await db.MemberLinks.Where(l => l.Id == child.LinkId && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        if (claimed == 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<ApprovingGuardian>.Invalid(LinkField, ProblemCode(GuardianLinkProblem.Used));
        }

        if (!await db.Guardianships.AnyAsync(g => g.ChildId == child.ChildId && g.GuardianId == guardianId, ct))
        {
            db.Guardianships.Add(new Guardianship { ChildId = child.ChildId, GuardianId = guardianId, CreatedAt = now });
        }

        var membership = await db.Memberships.SingleAsync(m => m.Id == child.MembershipId, ct);
        membership.GuardianApprovedAt = now;
        membership.ApprovedByGuardianId = guardianId;
        membership.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<ApprovingGuardian>.Success(new ApprovingGuardian(guardianId, guardian.GivenName));
    }
}
