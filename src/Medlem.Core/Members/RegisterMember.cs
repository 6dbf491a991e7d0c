using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members;

/// <summary>A new membership of the staff member's library, for a new person.</summary>
public sealed record RegisterMemberInput
{
    public required MemberDetailsInput Details { get; init; }
    public string? MembershipTypeCode { get; init; }
    public int? HomeBranchId { get; init; }

    /// <summary>What staff checked. Electronic ID is set only by the electronic-ID sign-in, never by hand.</summary>
    public VerificationLevel Verification { get; init; }

    /// <summary>Existing people (visible to the library) who are the new member's guardians.</summary>
    public IReadOnlyList<Guid> GuardianIds { get; init; } = [];

    /// <summary>The guardian is at the desk and approves the child's membership now.</summary>
    public bool GuardianApprovedAtDesk { get; init; }

    /// <summary>The number of a pre-printed card; null to generate one.</summary>
    public string? CardNumber { get; init; }
}

/// <summary>
/// Registers a person and their membership of one library, with a card, in one transaction:
/// either all of it is stored or none of it.
/// </summary>
public sealed class RegisterMember(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    public async Task<Outcome<Person>> RunAsync(int libraryId, RegisterMemberInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var details = new MemberDetailsValidator(rules, clock).Validate(input.Details, errors);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);

        var type = await MembershipRules.FindTypeAsync(db, libraryId, input.MembershipTypeCode, errors, ct);
        if (type is not null && details is not null && !type.AllowsAge(Ages.YearsBetween(details.BirthDate, today)))
        {
            errors.Add(nameof(input.MembershipTypeCode), "type.age");
        }

        if (input.Verification == VerificationLevel.ElectronicId || !Enum.IsDefined(input.Verification))
        {
            errors.Add(nameof(input.Verification), "verification.not-allowed");
        }

        await MembershipRules.CheckBranchAsync(db, libraryId, input.HomeBranchId, errors, ct);
        var guardians = await FindGuardiansAsync(libraryId, input, details, today, errors, ct);
        var cardNumber = await MembershipRules.CardNumberAsync(db, libraryId, input.CardNumber, errors, ct);

        if (!errors.IsEmpty || details is null || type is null || cardNumber is null)
        {
            return Outcome<Person>.Invalid(errors);
        }

        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            GivenName = details.GivenName,
            FamilyName = details.FamilyName,
            BirthDate = details.BirthDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        MemberDetailsApplier.Apply(person, details, now);
        foreach (var guardian in guardians)
        {
            person.Guardians.Add(new Guardianship { ChildId = person.Id, GuardianId = guardian.Id, CreatedAt = now });
        }

        var membership = new Membership
        {
            Id = Guid.CreateVersion7(now),
            PersonId = person.Id,
            LibraryId = libraryId,
            MembershipTypeId = type.Id,
            HomeBranchId = input.HomeBranchId,
            Pseudonym = Guid.NewGuid(),
            ValidFrom = today,
            Verification = input.Verification,
            VerifiedAt = input.Verification > VerificationLevel.None ? now : null,
            GuardianApprovedAt = guardians.Count > 0 && input.GuardianApprovedAtDesk ? now : null,
            ApprovedByGuardianId = guardians.Count > 0 && input.GuardianApprovedAtDesk ? guardians[0].Id : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        membership.Cards.Add(new LibraryCard { LibraryId = libraryId, Number = cardNumber, IssuedOn = today, StatusChangedAt = now });
        person.Memberships.Add(membership);

        db.People.Add(person);
        return await MembershipRules.SaveUnlessCardTakenAsync(db, libraryId, cardNumber, errors, ct)
            ? Outcome<Person>.Success(person)
            : Outcome<Person>.Invalid(errors);
    }

    private async Task<List<Person>> FindGuardiansAsync(
        int libraryId, RegisterMemberInput input, ValidMemberDetails? details, DateOnly today, ValidationErrors errors, CancellationToken ct)
    {
        var ids = input.GuardianIds.Distinct().ToList();
        var guardians = ids.Count == 0
            ? []
            : await db.VisibleTo(libraryId).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (guardians.Count != ids.Count)
        {
            errors.Add(nameof(input.GuardianIds), "guardian.unknown");
        }
        else if (guardians.Any(g => Ages.YearsBetween(g.BirthDate, today) < rules.GuardianMinimumAge))
        {
            errors.Add(nameof(input.GuardianIds), "guardian.too-young");
        }

        if (details is not null && rules.Status.NeedsGuardianApproval(details.BirthDate, today) && ids.Count == 0)
        {
            errors.Add(nameof(input.GuardianIds), "guardian.required");
        }

        return guardians;
    }
}
