using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Members;

// Expected values follow EngagementLadder.cs: Contact for memberships not in force (pending, lapsed, blocked);
// Ambassador on the user panel; DigitalMember below a desk identity check; Regular from RegularLoansPerYear
// (default 4, "above the 1–3 'easy growth' group", DESIGN.md §6 growth potential) loans in 12 months; else Borrower.
public class EngagementLadderTests
{
    private static readonly EngagementLadder Ladder = new();

    private static Membership With(VerificationLevel verification, int loans = 0, bool onUserPanel = false) => new()
    {
        ValidFrom = new DateOnly(2020, 1, 1),
        Verification = verification,
        LoansLast12Months = loans,
        OnUserPanel = onUserPanel,
    };

    [Theory]
    [InlineData(MembershipStatus.Pending)]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Blocked)]
    public void StageOf_NotInForce_IsContact(MembershipStatus status)
    {
        // Even a desk-checked regular borrower on the user panel is only a contact while not in force.
        var membership = With(VerificationLevel.IdentityCheckedAtDesk, loans: 20, onUserPanel: true);

        Assert.Equal(EngagementStage.Contact, Ladder.StageOf(membership, status));
    }

    [Theory]
    [InlineData(MembershipStatus.New)]
    [InlineData(MembershipStatus.Active)]
    [InlineData(MembershipStatus.Passive)]
    public void StageOf_OnUserPanel_IsAmbassador(MembershipStatus status)
    {
        var membership = With(VerificationLevel.EmailVerified, loans: 0, onUserPanel: true);

        Assert.Equal(EngagementStage.Ambassador, Ladder.StageOf(membership, status));
    }

    [Fact]
    public void StageOf_EmailVerified_IsDigitalMember()
    {
        // Loans do not make a borrower of someone whose identity is known only by e-mail.
        var membership = With(VerificationLevel.EmailVerified, loans: 10);

        Assert.Equal(EngagementStage.DigitalMember, Ladder.StageOf(membership, MembershipStatus.Active));
    }

    [Fact]
    public void StageOf_NothingVerifiedButInForce_IsDigitalMember()
    {
        // Possible for a type that requires no verification: below the desk check, so not a borrower.
        var membership = With(VerificationLevel.None);

        Assert.Equal(EngagementStage.DigitalMember, Ladder.StageOf(membership, MembershipStatus.New));
    }

    [Theory]
    [InlineData(VerificationLevel.IdentityCheckedAtDesk, 0)]
    [InlineData(VerificationLevel.IdentityCheckedAtDesk, 3)]
    [InlineData(VerificationLevel.ElectronicId, 3)]
    public void StageOf_IdentityCheckedWithFewerThanFourLoans_IsBorrower(VerificationLevel verification, int loans)
    {
        Assert.Equal(EngagementStage.Borrower, Ladder.StageOf(With(verification, loans), MembershipStatus.Active));
    }

    [Theory]
    [InlineData(VerificationLevel.IdentityCheckedAtDesk, 4)]
    [InlineData(VerificationLevel.ElectronicId, 4)]
    [InlineData(VerificationLevel.IdentityCheckedAtDesk, 51)]
    public void StageOf_IdentityCheckedWithFourOrMoreLoans_IsRegular(VerificationLevel verification, int loans)
    {
        Assert.Equal(EngagementStage.Regular, Ladder.StageOf(With(verification, loans), MembershipStatus.Active));
    }

    [Fact]
    public void StageOf_PassiveBorrower_IsStillBorrower()
    {
        // Passive members are in force: the stage follows verification and loans, not recency.
        Assert.Equal(EngagementStage.Borrower, Ladder.StageOf(With(VerificationLevel.IdentityCheckedAtDesk), MembershipStatus.Passive));
    }

    [Fact]
    public void StageOf_RegularLoansPerYearConfigured_UsesTheConfiguredThreshold()
    {
        var ladder = new EngagementLadder { RegularLoansPerYear = 11 };

        Assert.Equal(EngagementStage.Borrower, ladder.StageOf(With(VerificationLevel.IdentityCheckedAtDesk, 10), MembershipStatus.Active));
        Assert.Equal(EngagementStage.Regular, ladder.StageOf(With(VerificationLevel.IdentityCheckedAtDesk, 11), MembershipStatus.Active));
    }
}
