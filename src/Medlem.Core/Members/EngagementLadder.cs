namespace Medlem.Core.Members;

/// <summary>The rungs of the engagement ladder, from first contact to ambassador.</summary>
public enum EngagementStage
{
    /// <summary>Known to the library (an event registration, a wifi login) but not yet a member in force.</summary>
    Contact = 0,

    /// <summary>A member whose identity is known only by e-mail: digital services, events, wifi.</summary>
    DigitalMember = 1,

    /// <summary>An identity-checked member who may borrow physical items.</summary>
    Borrower = 2,

    /// <summary>A borrower who borrows regularly (at least <see cref="EngagementLadder.RegularLoansPerYear"/> loans in 12 months).</summary>
    Regular = 3,

    /// <summary>A member of the user panel, who helps shape the library.</summary>
    Ambassador = 4,
}

/// <summary>
/// Derives the engagement stage of a membership. The stage is never stored: it follows from
/// status, verification and activity, so it cannot drift from them.
/// </summary>
public sealed class EngagementLadder
{
    /// <summary>Loans in the last 12 months from which a borrower counts as regular (above the 1–3 "easy growth" group).</summary>
    public int RegularLoansPerYear { get; set; } = 4;

    public EngagementStage StageOf(Membership membership, MembershipStatus status)
    {
        if (status is MembershipStatus.Pending or MembershipStatus.Lapsed or MembershipStatus.Blocked)
        {
            return EngagementStage.Contact;
        }

        if (membership.OnUserPanel)
        {
            return EngagementStage.Ambassador;
        }

        if (membership.Verification < VerificationLevel.IdentityCheckedAtDesk)
        {
            return EngagementStage.DigitalMember;
        }

        return membership.LoansLast12Months >= RegularLoansPerYear
            ? EngagementStage.Regular
            : EngagementStage.Borrower;
    }
}
