using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Members;

// Expected values follow the definitions in MembershipStatus.cs (XML docs on MembershipStatus and
// MembershipStatusRules): checked in order blocked, lapsed, pending, new, passive, active; "new" for
// NewForDays (90) days from the first valid day; passive after PassiveAfterMonths (12) months without
// recorded use; a guardian must approve below GuardianApprovalBelowAge (15). Dates are fixed: no clock.
public class MembershipStatusRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>An adult (36 on <see cref="Today"/>), no guardian approval needed.</summary>
    private static readonly DateOnly AdultBirthDate = new(1990, 1, 1);

    private static readonly MembershipStatusRules Rules = new();

    /// <summary>Like VOKSEN in DefaultMembershipTypes: in force once identity was checked at the desk.</summary>
    private static readonly MembershipType DeskChecked = new()
    {
        Code = "VOKSEN", NameNb = "Låner", NameEn = "Borrower", RequiredVerification = VerificationLevel.IdentityCheckedAtDesk,
    };

    /// <summary>
    /// A membership in force since long before the new period, verified as its type needs, used yesterday:
    /// Active. Each test changes only what it is about.
    /// </summary>
    private static Membership InForce() => new()
    {
        ValidFrom = new DateOnly(2020, 1, 1),
        Verification = VerificationLevel.IdentityCheckedAtDesk,
        LastUsedOn = Today.AddDays(-1),
    };

    private static MembershipStatus Evaluate(Membership membership, DateOnly? birthDate = null) =>
        Rules.Evaluate(membership, DeskChecked, birthDate ?? AdultBirthDate, Today);

    [Fact]
    public void Evaluate_InForceAndUsedRecently_IsActive()
    {
        Assert.Equal(MembershipStatus.Active, Evaluate(InForce()));
    }

    // ---- blocked: first, whatever the dates ----

    [Fact]
    public void Evaluate_Blocked_IsBlocked()
    {
        var membership = InForce();
        membership.BlockedAt = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(MembershipStatus.Blocked, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_BlockedAndExpired_IsBlocked()
    {
        var membership = InForce();
        membership.BlockedAt = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        membership.ValidTo = new DateOnly(2026, 6, 30);

        Assert.Equal(MembershipStatus.Blocked, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_BlockedAndUnverifiedAndNotYetValid_IsBlocked()
    {
        var membership = InForce();
        membership.BlockedAt = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        membership.Verification = VerificationLevel.None;
        membership.ValidFrom = Today.AddDays(1);

        Assert.Equal(MembershipStatus.Blocked, Evaluate(membership));
    }

    // ---- lapsed: "past its last valid day"; ValidTo is the last valid day, so ValidTo today is still valid ----

    [Fact]
    public void Evaluate_ValidToToday_IsStillValid()
    {
        var membership = InForce();
        membership.ValidTo = Today;

        Assert.Equal(MembershipStatus.Active, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_ValidToYesterday_IsLapsed()
    {
        var membership = InForce();
        membership.ValidTo = new DateOnly(2026, 11, 27);

        Assert.Equal(MembershipStatus.Lapsed, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_LapsedAndAwaitingVerification_IsLapsed()
    {
        // Lapsed is checked before pending.
        var membership = InForce();
        membership.ValidTo = new DateOnly(2026, 11, 27);
        membership.Verification = VerificationLevel.None;

        Assert.Equal(MembershipStatus.Lapsed, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_LapsedChildWithoutGuardianApproval_IsLapsed()
    {
        var membership = InForce();
        membership.ValidTo = new DateOnly(2026, 11, 27);

        Assert.Equal(MembershipStatus.Lapsed, Evaluate(membership, birthDate: new DateOnly(2016, 5, 1)));
    }

    // ---- pending: not yet valid, verification below the type's, or a child without a guardian's approval ----

    [Fact]
    public void Evaluate_ValidFromTomorrow_IsPending()
    {
        var membership = InForce();
        membership.ValidFrom = new DateOnly(2026, 11, 29);
        membership.LastUsedOn = null;

        Assert.Equal(MembershipStatus.Pending, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_ValidFromToday_IsNew()
    {
        var membership = InForce();
        membership.ValidFrom = Today;
        membership.LastUsedOn = null;

        Assert.Equal(MembershipStatus.New, Evaluate(membership));
    }

    [Theory]
    [InlineData(VerificationLevel.None)]
    [InlineData(VerificationLevel.EmailVerified)]
    public void Evaluate_VerificationBelowTypesRequired_IsPending(VerificationLevel verification)
    {
        var membership = InForce();
        membership.Verification = verification;

        Assert.Equal(MembershipStatus.Pending, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_VerificationAboveTypesRequired_IsNotPending()
    {
        // VerificationLevel: "each level includes the ones below", so electronic ID satisfies a desk check.
        var membership = InForce();
        membership.Verification = VerificationLevel.ElectronicId;

        Assert.Equal(MembershipStatus.Active, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_PendingInItsFirstDays_IsPendingNotNew()
    {
        // Pending is checked before new.
        var membership = InForce();
        membership.ValidFrom = Today;
        membership.Verification = VerificationLevel.None;

        Assert.Equal(MembershipStatus.Pending, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_ChildUnder15WithoutGuardianApproval_IsPending()
    {
        // Born 2016-05-01: 10 on 2026-11-28.
        var membership = InForce();

        Assert.Equal(MembershipStatus.Pending, Evaluate(membership, birthDate: new DateOnly(2016, 5, 1)));
    }

    [Fact]
    public void Evaluate_ChildUnder15WithGuardianApproval_IsNotPending()
    {
        var membership = InForce();
        membership.GuardianApprovedAt = new DateTimeOffset(2020, 1, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(MembershipStatus.Active, Evaluate(membership, birthDate: new DateOnly(2016, 5, 1)));
    }

    [Fact]
    public void Evaluate_ChildWhoseFifteenthBirthdayIsTomorrow_StillNeedsApproval()
    {
        // Born 2011-11-29: 14 on 2026-11-28, 15 the day after.
        var membership = InForce();

        Assert.Equal(MembershipStatus.Pending, Evaluate(membership, birthDate: new DateOnly(2011, 11, 29)));
    }

    [Fact]
    public void Evaluate_ChildWhoseFifteenthBirthdayIsToday_NoLongerNeedsApproval()
    {
        // Born 2011-11-28: 15 on 2026-11-28, not "below 15".
        var membership = InForce();

        Assert.Equal(MembershipStatus.Active, Evaluate(membership, birthDate: new DateOnly(2011, 11, 28)));
    }

    [Fact]
    public void AwaitsApproval_ChildWithApprovalButUnverified_StillAwaits()
    {
        // "True while the membership lacks the verification its type needs, or a guardian's approval."
        var membership = InForce();
        membership.GuardianApprovedAt = new DateTimeOffset(2020, 1, 1, 10, 0, 0, TimeSpan.Zero);
        membership.Verification = VerificationLevel.None;

        Assert.True(Rules.AwaitsApproval(membership, DeskChecked, new DateOnly(2016, 5, 1), Today));
    }

    // ---- new: the first 90 days, counting the first valid day as day 0 ----

    [Fact]
    public void Evaluate_Day89SinceValidFrom_IsNew()
    {
        // 2026-08-31 -> 2026-11-28: 30 (to 30 Sep) + 31 (to 31 Oct) + 28 = 89 days; 89 < 90.
        var membership = InForce();
        membership.ValidFrom = new DateOnly(2026, 8, 31);
        membership.LastUsedOn = null;
        Assert.Equal(89, Today.DayNumber - membership.ValidFrom.DayNumber); // the premise, not the rule

        Assert.Equal(MembershipStatus.New, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_Day90SinceValidFromWithoutUse_IsPassive()
    {
        // 2026-08-30 is 90 days before 2026-11-28: the 91st day, no longer new; never used, so passive.
        var membership = InForce();
        membership.ValidFrom = new DateOnly(2026, 8, 30);
        membership.LastUsedOn = null;
        Assert.Equal(90, Today.DayNumber - membership.ValidFrom.DayNumber);

        Assert.Equal(MembershipStatus.Passive, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_Day90SinceValidFromWithUse_IsActive()
    {
        var membership = InForce();
        membership.ValidFrom = new DateOnly(2026, 8, 30);
        membership.LastUsedOn = new DateOnly(2026, 9, 15);

        Assert.Equal(MembershipStatus.Active, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_NewAndNeverUsed_IsNewNotPassive()
    {
        // "a new member is not called passive before having had the chance to use the library".
        var membership = InForce();
        membership.ValidFrom = new DateOnly(2026, 10, 1);
        membership.LastUsedOn = null;

        Assert.Equal(MembershipStatus.New, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_NewForDaysConfigured_UsesTheConfiguredLength()
    {
        var rules = new MembershipStatusRules { NewForDays = 30 };
        var membership = InForce();
        membership.LastUsedOn = null;

        membership.ValidFrom = new DateOnly(2026, 10, 30); // 29 days before 2026-11-28 (1 to 31 Oct + 28)
        Assert.Equal(MembershipStatus.New, rules.Evaluate(membership, DeskChecked, AdultBirthDate, Today));

        membership.ValidFrom = new DateOnly(2026, 10, 29); // 30 days before
        Assert.Equal(MembershipStatus.Passive, rules.Evaluate(membership, DeskChecked, AdultBirthDate, Today));
    }

    // ---- passive / active: use within the last 12 months ----

    [Fact]
    public void Evaluate_LastUseExactly12MonthsAgo_IsPassive()
    {
        // The 12 months up to and including 2026-11-28 begin on 2025-11-29; 2025-11-28 is outside them.
        var membership = InForce();
        membership.LastUsedOn = new DateOnly(2025, 11, 28);

        Assert.Equal(MembershipStatus.Passive, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_LastUseOneDayLessThan12MonthsAgo_IsActive()
    {
        var membership = InForce();
        membership.LastUsedOn = new DateOnly(2025, 11, 29);

        Assert.Equal(MembershipStatus.Active, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_NeverUsedAfterNewPeriod_IsPassive()
    {
        var membership = InForce();
        membership.LastUsedOn = null;

        Assert.Equal(MembershipStatus.Passive, Evaluate(membership));
    }

    [Fact]
    public void Evaluate_UsedToday_IsActive()
    {
        var membership = InForce();
        membership.LastUsedOn = Today;

        Assert.Equal(MembershipStatus.Active, Evaluate(membership));
    }
}
