using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members;

/// <summary>
/// The desk's changes to a membership and its cards. Each method loads the membership through
/// the library scope, so a membership of another library is "not found", never changed.
/// </summary>
public sealed class MembershipCommands(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Outcome<Membership>> ChangeTypeAsync(int libraryId, Guid membershipId, string? typeCode, CancellationToken ct)
    {
        var membership = await LoadAsync(libraryId, membershipId, ct);
        if (membership is null)
        {
            return Outcome<Membership>.Missing();
        }

        var errors = new ValidationErrors();
        var type = await MembershipRules.FindTypeAsync(db, libraryId, typeCode, errors, ct);
        if (type is not null && !type.AllowsAge(membership.Person!.AgeOn(Today)))
        {
            errors.Add("MembershipTypeCode", "type.age");
        }

        if (!errors.IsEmpty || type is null)
        {
            return Outcome<Membership>.Invalid(errors);
        }

        membership.MembershipTypeId = type.Id;
        membership.MembershipType = type;
        return await SaveAsync(membership, ct);
    }

    /// <summary>Issues a new card. With <paramref name="replaceActive"/> the active cards are marked lost first (a reported loss).</summary>
    public async Task<Outcome<LibraryCard>> IssueCardAsync(
        int libraryId, Guid membershipId, string? number, bool replaceActive, CancellationToken ct)
    {
        var membership = await LoadAsync(libraryId, membershipId, ct);
        if (membership is null)
        {
            return Outcome<LibraryCard>.Missing();
        }

        var errors = new ValidationErrors();
        var cardNumber = await MembershipRules.CardNumberAsync(db, libraryId, number, errors, ct);
        if (cardNumber is null)
        {
            return Outcome<LibraryCard>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        if (replaceActive)
        {
            foreach (var active in membership.Cards.Where(c => c.Status == CardStatus.Active))
            {
                active.Status = CardStatus.Lost;
                active.StatusChangedAt = now;
            }
        }

        var card = new LibraryCard { LibraryId = libraryId, Number = cardNumber, IssuedOn = Today, StatusChangedAt = now };
        membership.Cards.Add(card);
        membership.UpdatedAt = now;
        return await MembershipRules.SaveUnlessCardTakenAsync(db, libraryId, cardNumber, errors, ct)
            ? Outcome<LibraryCard>.Success(card)
            : Outcome<LibraryCard>.Invalid(errors);
    }

    public async Task<Outcome<LibraryCard>> SetCardStatusAsync(int libraryId, int cardId, CardStatus status, CancellationToken ct)
    {
        if (!Enum.IsDefined(status))
        {
            return Outcome<LibraryCard>.Invalid("Status", "card.status-unknown");
        }

        var card = await db.Cards.SingleOrDefaultAsync(c => c.Id == cardId && c.LibraryId == libraryId, ct);
        if (card is null)
        {
            return Outcome<LibraryCard>.Missing();
        }

        card.Status = status;
        card.StatusChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<LibraryCard>.Success(card);
    }

    /// <summary>Blocks the membership with a reason, or lifts the block when <paramref name="reason"/> is null.</summary>
    public async Task<Outcome<Membership>> SetBlockAsync(int libraryId, Guid membershipId, bool blocked, string? reason, CancellationToken ct)
    {
        var membership = await LoadAsync(libraryId, membershipId, ct);
        if (membership is null)
        {
            return Outcome<Membership>.Missing();
        }

        var cleaned = InputText.Clean(reason);
        var errors = new ValidationErrors();
        InputText.Check(errors, "Reason", cleaned, 500, required: blocked);
        if (!errors.IsEmpty)
        {
            return Outcome<Membership>.Invalid(errors);
        }

        membership.BlockedAt = blocked ? clock.GetUtcNow() : null;
        membership.BlockReason = blocked ? cleaned : null;
        return await SaveAsync(membership, ct);
    }

    /// <summary>Staff saw an identity document: the member may now borrow (the upgrade to borrower).</summary>
    public async Task<Outcome<Membership>> VerifyIdentityAtDeskAsync(int libraryId, Guid membershipId, CancellationToken ct)
    {
        var membership = await LoadAsync(libraryId, membershipId, ct);
        if (membership is null)
        {
            return Outcome<Membership>.Missing();
        }

        if (membership.Verification < VerificationLevel.IdentityCheckedAtDesk)
        {
            membership.Verification = VerificationLevel.IdentityCheckedAtDesk;
            membership.VerifiedAt = clock.GetUtcNow();
        }

        return await SaveAsync(membership, ct);
    }

    /// <summary>A guardian of the child, present at the desk, approves the child's membership.</summary>
    public async Task<Outcome<Membership>> ApproveAsGuardianAsync(int libraryId, Guid membershipId, Guid guardianId, CancellationToken ct)
    {
        var membership = await LoadAsync(libraryId, membershipId, ct);
        if (membership is null)
        {
            return Outcome<Membership>.Missing();
        }

        var isGuardian = await db.Guardianships.AnyAsync(g => g.ChildId == membership.PersonId && g.GuardianId == guardianId, ct);
        if (!isGuardian)
        {
            return Outcome<Membership>.Invalid("GuardianId", "guardian.unknown");
        }

        membership.GuardianApprovedAt = clock.GetUtcNow();
        membership.ApprovedByGuardianId = guardianId;
        return await SaveAsync(membership, ct);
    }

    /// <summary>The derived status of a loaded membership, today.</summary>
    public MembershipStatus StatusOf(Membership membership) =>
        rules.Status.Evaluate(membership, membership.MembershipType!, membership.Person!.BirthDate, Today);

    private Task<Membership?> LoadAsync(int libraryId, Guid membershipId, CancellationToken ct) =>
        db.Memberships.OfLibrary(libraryId)
            .Include(m => m.Person)
            .Include(m => m.MembershipType)
            .Include(m => m.Cards)
            .SingleOrDefaultAsync(m => m.Id == membershipId, ct);

    private async Task<Outcome<Membership>> SaveAsync(Membership membership, CancellationToken ct)
    {
        membership.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<Membership>.Success(membership);
    }
}
