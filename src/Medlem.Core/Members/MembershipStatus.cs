namespace Medlem.Core.Members;

/// <summary>The status of a membership on a given day, derived by <see cref="MembershipStatusRules"/>.</summary>
public enum MembershipStatus
{
    /// <summary>Awaiting verification, or a guardian's approval for a child.</summary>
    Pending = 0,

    /// <summary>In its first days (90 by default).</summary>
    New = 1,

    /// <summary>Recorded use within the passive period.</summary>
    Active = 2,

    /// <summary>No recorded use in the passive period (12 months by default).</summary>
    Passive = 3,

    /// <summary>Past its last valid day.</summary>
    Lapsed = 4,

    /// <summary>Blocked by staff.</summary>
    Blocked = 5,
}

/// <summary>
/// The configurable rules that derive a membership's status from dates and activity. Bound from
/// configuration section <c>Members:StatusRules</c>.
/// </summary>
public sealed class MembershipStatusRules
{
    /// <summary>A membership is new for this many days from its first valid day.</summary>
    public int NewForDays { get; set; } = 90;

    /// <summary>No recorded use in this many months makes a member passive.</summary>
    public int PassiveAfterMonths { get; set; } = 12;

    /// <summary>Below this age a guardian must approve the membership.</summary>
    public int GuardianApprovalBelowAge { get; set; } = 15;

    /// <summary>
    /// The status on <paramref name="today"/>. Checked in order: blocked, lapsed, pending, new,
    /// passive, active — so a blocked membership is blocked whatever its dates, and a new member
    /// is not called passive before having had the chance to use the library.
    /// </summary>
    public MembershipStatus Evaluate(Membership membership, MembershipType type, DateOnly birthDate, DateOnly today)
    {
        if (membership.BlockedAt is not null)
        {
            return MembershipStatus.Blocked;
        }

        if (membership.ValidTo is { } validTo && validTo < today)
        {
            return MembershipStatus.Lapsed;
        }

        if (membership.ValidFrom > today || AwaitsApproval(membership, type, birthDate, today))
        {
            return MembershipStatus.Pending;
        }

        if (today.DayNumber - membership.ValidFrom.DayNumber < NewForDays)
        {
            return MembershipStatus.New;
        }

        var passiveSince = today.AddMonths(-PassiveAfterMonths);
        return membership.LastUsedOn is { } used && used > passiveSince
            ? MembershipStatus.Active
            : MembershipStatus.Passive;
    }

    /// <summary>True while the membership lacks the verification its type needs, or a guardian's approval.</summary>
    public bool AwaitsApproval(Membership membership, MembershipType type, DateOnly birthDate, DateOnly today) =>
        membership.Verification < type.RequiredVerification
        || (NeedsGuardianApproval(birthDate, today) && membership.GuardianApprovedAt is null);

    public bool NeedsGuardianApproval(DateOnly birthDate, DateOnly today) =>
        Ages.YearsBetween(birthDate, today) < GuardianApprovalBelowAge;
}
