using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>The library (controller) a membership belongs to, as the member sees it.</summary>
public sealed record MyLibrary(int Id, string Code, string Name);

/// <summary>What stands between a pending membership and a membership in force, and so what the member can do about it.</summary>
public enum PendingStep
{
    /// <summary>The membership starts on a later day; nothing to do but wait.</summary>
    StartsLater = 0,

    /// <summary>The type needs a confirmed e-mail address: follow the link in the e-mail.</summary>
    ConfirmEmail = 1,

    /// <summary>The type needs a checked identity: show ID at the desk or sign in with electronic ID.</summary>
    IdentityCheck = 2,

    /// <summary>A child's membership waits for a guardian's approval.</summary>
    GuardianApproval = 3,

    /// <summary>The type needs an electronic-ID sign-in (a desk check is not enough).</summary>
    ElectronicId = 4,
}

/// <summary>One of the member's memberships, with its status derived as at the desk and any limit on its processing (art. 18, 21, or an erasure waiting for a hold).</summary>
public sealed record MyMembership(
    Guid Id,
    MyLibrary Library,
    MembershipType Type,
    string? HomeBranch,
    MembershipStatus Status,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    VerificationLevel Verification,
    IReadOnlyList<PendingStep> Pending,
    IReadOnlyList<LibraryCard> Cards,
    Privacy.Restriction.ProcessingLimit Limit)
{
    /// <summary>The card to show: the newest active one, else the newest.</summary>
    public LibraryCard? CurrentCard =>
        Cards.Where(c => c.Status == CardStatus.Active).MaxBy(c => (c.IssuedOn, c.Id)) ?? Cards.MaxBy(c => (c.IssuedOn, c.Id));
}

/// <summary>
/// The signed-in person's memberships in every library, oldest first. Status follows
/// <see cref="MembershipStatusRules"/> exactly as the desk sees it; what a pending membership
/// waits for is spelled out as <see cref="PendingStep"/>s.
/// </summary>
public sealed class MyMemberships(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<IReadOnlyList<MyMembership>> ListAsync(Guid personId, CancellationToken ct)
    {
        var loaded = await LoadAsync(personId, ct);
        if (loaded.Count == 0)
        {
            return [];
        }

        var libraryIds = loaded.Select(m => m.LibraryId).Distinct().ToList();
        var libraries = await db.Libraries.AsNoTracking().Where(l => libraryIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => new MyLibrary(l.Id, l.Code, l.Name), ct);
        var branches = await db.Branches.AsNoTracking().Where(b => libraryIds.Contains(b.LibraryId)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var today = Today;
        return [.. loaded.Select(m => new MyMembership(
            m.Id, libraries[m.LibraryId], m.MembershipType!, m.HomeBranchId is { } b ? branches.GetValueOrDefault(b) : null,
            rules.Status.Evaluate(m, m.MembershipType!, m.Person!.BirthDate, today), m.ValidFrom, m.ValidTo, m.Verification,
            PendingOf(m, today), [.. m.Cards.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id)], m.Limit))];
    }

    /// <summary>The person's memberships with type, cards and the person (for the birth date), untracked.</summary>
    internal Task<List<Membership>> LoadAsync(Guid personId, CancellationToken ct) =>
        db.Memberships.OwnedBy(personId).AsNoTracking()
            .Include(m => m.Person)
            .Include(m => m.MembershipType)
            .Include(m => m.Cards)
            .OrderBy(m => m.ValidFrom).ThenBy(m => m.LibraryId)
            .AsSplitQuery()
            .ToListAsync(ct);

    private List<PendingStep> PendingOf(Membership m, DateOnly today)
    {
        var steps = new List<PendingStep>();
        if (m.BlockedAt is not null || m.ValidTo < today)
        {
            return steps; // blocked or lapsed: waiting on nothing the member can do here
        }

        if (m.ValidFrom > today)
        {
            steps.Add(PendingStep.StartsLater);
        }

        if (m.Verification < m.MembershipType!.RequiredVerification)
        {
            steps.Add(m.MembershipType.RequiredVerification switch
            {
                VerificationLevel.EmailVerified => PendingStep.ConfirmEmail,
                VerificationLevel.IdentityCheckedAtDesk => PendingStep.IdentityCheck,
                _ => PendingStep.ElectronicId,
            });
        }

        if (rules.Status.NeedsGuardianApproval(m.Person!.BirthDate, today) && m.GuardianApprovedAt is null)
        {
            steps.Add(PendingStep.GuardianApproval);
        }

        return steps;
    }
}
