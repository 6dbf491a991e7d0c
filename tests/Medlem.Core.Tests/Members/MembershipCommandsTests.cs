using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members;

// MembershipCommands.cs: "Each method loads the membership through the library scope, so a membership of another
// library is 'not found', never changed."
public class MembershipCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MembershipCommands Commands(TestDatabase database, Medlem.Core.Data.MedlemDbContext db) =>
        new(db, database.Rules, database.Clock);

    private static async Task<Membership> LoadAsync(TestDatabase database, Guid membershipId)
    {
        await using var db = database.NewContext();
        return await db.Memberships.Include(m => m.Cards).Include(m => m.MembershipType).Include(m => m.Person)
            .SingleAsync(m => m.Id == membershipId, Ct);
    }

    [Fact]
    public async Task IssueCard_ReplaceActive_MarksTheOldCardLost()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        database.Clock.Advance(TimeSpan.FromHours(2));

        await using (var db = database.NewContext())
        {
            var outcome = await Commands(database, db).IssueCardAsync(database.LibraryA, membershipId, "2222222224", replaceActive: true, Ct);
            Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        }

        var cards = (await LoadAsync(database, membershipId)).Cards.ToDictionary(c => c.Number);
        Assert.Equal(2, cards.Count);
        Assert.Equal(CardStatus.Lost, cards["1111111117"].Status);
        Assert.Equal(TestClock.Now.AddHours(2), cards["1111111117"].StatusChangedAt);
        Assert.Equal(CardStatus.Active, cards["2222222224"].Status);
    }

    [Fact]
    public async Task IssueCard_WithoutReplace_KeepsTheOldCardActive()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });

        await using (var db = database.NewContext())
        {
            var outcome = await Commands(database, db).IssueCardAsync(database.LibraryA, membershipId, null, replaceActive: false, Ct);
            Assert.True(outcome.Succeeded, outcome.Errors.ToString());
            Assert.Matches("^[1-9][0-9]{9}$", outcome.Value!.Number); // generated
        }

        Assert.All((await LoadAsync(database, membershipId)).Cards, c => Assert.Equal(CardStatus.Active, c.Status));
    }

    [Fact]
    public async Task IssueCard_NumberTakenInTheLibrary_IsCardDuplicateAndChangesNothing()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Ola") with { CardNumber = "2222222224" });

        await using (var db = database.NewContext())
        {
            var outcome = await Commands(database, db).IssueCardAsync(database.LibraryA, membershipId, "2222222224", replaceActive: true, Ct);
            ErrorAssert.Exactly(outcome.Errors, "CardNumber", "card.duplicate");
        }

        var card = Assert.Single((await LoadAsync(database, membershipId)).Cards);
        Assert.Equal(CardStatus.Active, card.Status); // the reported loss was not half-applied
    }

    [Fact]
    public async Task ChangeType_ToATypeNotFittingTheAge_IsTypeAge()
    {
        // The member is 36 (born 1990-01-01); BARN allows up to 14.
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());

        await using (var db = database.NewContext())
        {
            var outcome = await Commands(database, db).ChangeTypeAsync(database.LibraryA, membershipId, DefaultMembershipTypes.Codes.Child, Ct);
            ErrorAssert.Exactly(outcome.Errors, "MembershipTypeCode", "type.age");
        }

        Assert.Equal(DefaultMembershipTypes.Codes.Borrower, (await LoadAsync(database, membershipId)).MembershipType!.Code);
    }

    [Fact]
    public async Task ChangeType_ToAFittingType_IsSaved()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());

        await using (var db = database.NewContext())
        {
            var outcome = await Commands(database, db).ChangeTypeAsync(database.LibraryA, membershipId, DefaultMembershipTypes.Codes.Student, Ct);
            Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        }

        var membership = await LoadAsync(database, membershipId);
        Assert.Equal(DefaultMembershipTypes.Codes.Student, membership.MembershipType!.Code);
        Assert.Equal(database.LibraryA, membership.MembershipType.LibraryId);
    }

    [Fact]
    public async Task ChangeType_ToTheCodeOfATypeOfTheOtherLibraryOnly_IsTypeUnknown()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            db.MembershipTypes.Add(new MembershipType { LibraryId = database.LibraryB, Code = "SENIOR", NameNb = "Senior", NameEn = "Senior", MinAge = 67 });
            await db.SaveChangesAsync(Ct);
        }

        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult(birthDate: new DateOnly(1950, 1, 1)));

        await using var db2 = database.NewContext();
        var outcome = await Commands(database, db2).ChangeTypeAsync(database.LibraryA, membershipId, "SENIOR", Ct);

        ErrorAssert.Exactly(outcome.Errors, "MembershipTypeCode", "type.unknown");
    }

    [Fact]
    public async Task AllCommands_MembershipOfTheOtherLibrary_AreNotFoundAndChangeNothing()
    {
        using var database = TestDatabase.Create();
        var (guardianInB, _) = await database.RegisteredAsync(database.LibraryB, TestMembers.Adult("Kari"));
        var (_, membershipInB) = await database.RegisteredAsync(
            database.LibraryB, TestMembers.Child() with { GuardianIds = [guardianInB], Verification = VerificationLevel.None });
        var before = await LoadAsync(database, membershipInB);

        await using (var db = database.NewContext())
        {
            var commands = Commands(database, db);
            Assert.True((await commands.ChangeTypeAsync(database.LibraryA, membershipInB, DefaultMembershipTypes.Codes.Child, Ct)).NotFound);
            Assert.True((await commands.IssueCardAsync(database.LibraryA, membershipInB, null, replaceActive: true, Ct)).NotFound);
            Assert.True((await commands.SetBlockAsync(database.LibraryA, membershipInB, blocked: true, "Ubetalt erstatning", Ct)).NotFound);
            Assert.True((await commands.VerifyIdentityAtDeskAsync(database.LibraryA, membershipInB, Ct)).NotFound);
            Assert.True((await commands.ApproveAsGuardianAsync(database.LibraryA, membershipInB, guardianInB, Ct)).NotFound);
            Assert.True((await commands.SetCardStatusAsync(database.LibraryA, before.Cards.Single().Id, CardStatus.Blocked, Ct)).NotFound);
        }

        var after = await LoadAsync(database, membershipInB);
        Assert.Null(after.BlockedAt);
        Assert.Equal(VerificationLevel.None, after.Verification);
        Assert.Null(after.GuardianApprovedAt);
        Assert.Equal(CardStatus.Active, Assert.Single(after.Cards).Status);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task AllCommands_UnknownMembership_AreNotFound()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();
        var commands = Commands(database, db);
        var unknown = Guid.NewGuid();

        Assert.True((await commands.ChangeTypeAsync(database.LibraryA, unknown, "VOKSEN", Ct)).NotFound);
        Assert.True((await commands.IssueCardAsync(database.LibraryA, unknown, null, replaceActive: false, Ct)).NotFound);
        Assert.True((await commands.SetBlockAsync(database.LibraryA, unknown, blocked: false, null, Ct)).NotFound);
        Assert.True((await commands.VerifyIdentityAtDeskAsync(database.LibraryA, unknown, Ct)).NotFound);
        Assert.True((await commands.ApproveAsGuardianAsync(database.LibraryA, unknown, Guid.NewGuid(), Ct)).NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SetBlock_WithoutReason_IsReasonRequired(string? reason)
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());

        await using (var db = database.NewContext())
        {
            var outcome = await Commands(database, db).SetBlockAsync(database.LibraryA, membershipId, blocked: true, reason, Ct);
            ErrorAssert.Exactly(outcome.Errors, "Reason", "required");
        }

        Assert.Null((await LoadAsync(database, membershipId)).BlockedAt);
    }

    [Fact]
    public async Task SetBlock_WithReason_BlocksAndLiftingClearsIt()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());

        await using (var db = database.NewContext())
        {
            var commands = Commands(database, db);
            var blocked = await commands.SetBlockAsync(database.LibraryA, membershipId, blocked: true, "  Ubetalt erstatning ", Ct);
            Assert.True(blocked.Succeeded, blocked.Errors.ToString());
            Assert.Equal(MembershipStatus.Blocked, commands.StatusOf(blocked.Value!));
        }

        var stored = await LoadAsync(database, membershipId);
        Assert.Equal(TestClock.Now, stored.BlockedAt);
        Assert.Equal("Ubetalt erstatning", stored.BlockReason);

        await using (var db = database.NewContext())
        {
            var lifted = await Commands(database, db).SetBlockAsync(database.LibraryA, membershipId, blocked: false, null, Ct);
            Assert.True(lifted.Succeeded, lifted.Errors.ToString());
        }

        stored = await LoadAsync(database, membershipId);
        Assert.Null(stored.BlockedAt);
        Assert.Null(stored.BlockReason);
    }

    [Fact]
    public async Task SetBlock_ReasonLongerThan500_IsTooLong()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());
        await using var db = database.NewContext();

        var outcome = await Commands(database, db).SetBlockAsync(database.LibraryA, membershipId, blocked: true, new string('x', 501), Ct);

        ErrorAssert.Exactly(outcome.Errors, "Reason", "too-long");
    }

    [Fact]
    public async Task VerifyIdentityAtDesk_AdultRegisteredWithoutVerification_LiftsPending()
    {
        // VOKSEN requires IdentityCheckedAtDesk; registered with None it is Pending. After the check it is New
        // (ValidFrom is today, within the 90 days).
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(
            database.LibraryA, TestMembers.Adult() with { Verification = VerificationLevel.None });
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var db = database.NewContext())
        {
            var commands = Commands(database, db);
            Assert.Equal(MembershipStatus.Pending, commands.StatusOf(await LoadAsync(database, membershipId)));

            var outcome = await commands.VerifyIdentityAtDeskAsync(database.LibraryA, membershipId, Ct);

            Assert.True(outcome.Succeeded, outcome.Errors.ToString());
            Assert.Equal(MembershipStatus.New, commands.StatusOf(outcome.Value!));
        }

        var stored = await LoadAsync(database, membershipId);
        Assert.Equal(VerificationLevel.IdentityCheckedAtDesk, stored.Verification);
        Assert.Equal(TestClock.Now.AddMinutes(5), stored.VerifiedAt);
    }

    [Fact]
    public async Task VerifyIdentityAtDesk_AlreadyChecked_KeepsTheFirstVerificationTime()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());
        database.Clock.Advance(TimeSpan.FromDays(1));

        await using (var db = database.NewContext())
        {
            Assert.True((await Commands(database, db).VerifyIdentityAtDeskAsync(database.LibraryA, membershipId, Ct)).Succeeded);
        }

        Assert.Equal(TestClock.Now, (await LoadAsync(database, membershipId)).VerifiedAt);
    }

    [Fact]
    public async Task ApproveAsGuardian_ByTheGuardian_LiftsPending()
    {
        using var database = TestDatabase.Create();
        var (guardianId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari"));
        var (_, childMembership) = await database.RegisteredAsync(database.LibraryA, TestMembers.Child() with { GuardianIds = [guardianId] });

        await using var db = database.NewContext();
        var commands = Commands(database, db);
        var outcome = await commands.ApproveAsGuardianAsync(database.LibraryA, childMembership, guardianId, Ct);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        Assert.Equal(guardianId, outcome.Value!.ApprovedByGuardianId);
        Assert.Equal(MembershipStatus.New, commands.StatusOf(outcome.Value));
    }

    [Fact]
    public async Task ApproveAsGuardian_BySomeoneElse_IsGuardianUnknown()
    {
        using var database = TestDatabase.Create();
        var (guardianId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari"));
        var (strangerId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Per"));
        var (_, childMembership) = await database.RegisteredAsync(database.LibraryA, TestMembers.Child() with { GuardianIds = [guardianId] });

        await using var db = database.NewContext();
        var outcome = await Commands(database, db).ApproveAsGuardianAsync(database.LibraryA, childMembership, strangerId, Ct);

        ErrorAssert.Exactly(outcome.Errors, "GuardianId", "guardian.unknown");
    }

    [Fact]
    public async Task SetCardStatus_UndefinedStatus_IsRefused()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());
        var cardId = (await LoadAsync(database, membershipId)).Cards.Single().Id;
        await using var db = database.NewContext();

        var outcome = await Commands(database, db).SetCardStatusAsync(database.LibraryA, cardId, (CardStatus)7, Ct);

        ErrorAssert.Exactly(outcome.Errors, "Status", "card.status-unknown");
    }
}
