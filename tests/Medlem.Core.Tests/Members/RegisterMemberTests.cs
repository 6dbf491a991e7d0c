using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members;

// RegisterMember.cs: "Registers a person and their membership of one library, with a card, in one transaction:
// either all of it is stored or none of it." Each test has its own in-memory database (TestDatabase) with two
// libraries, A and B, and the default membership types (DefaultMembershipTypes: VOKSEN 18+, BARN up to 14, ...).
// Today is 2026-11-28 (TestClock).
public class RegisterMemberTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_ValidAdult_StoresPersonMembershipAndOneActiveCardInOneSave()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult());

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        Assert.Equal(1, database.Saves.Count);
        await using var db = database.NewContext();
        var person = await db.People.Include(p => p.Memberships).ThenInclude(m => m.Cards).SingleAsync(Ct);
        Assert.Equal(outcome.Value!.Id, person.Id);
        Assert.Equal(new DateOnly(1990, 1, 1), person.BirthDate);
        Assert.Equal("kari nordmann", person.SearchName); // kept by MedlemDbContext on save

        var membership = Assert.Single(person.Memberships);
        Assert.Equal(database.LibraryA, membership.LibraryId);
        Assert.Equal(TestClock.Today, membership.ValidFrom);
        Assert.Null(membership.ValidTo);
        Assert.Equal(VerificationLevel.IdentityCheckedAtDesk, membership.Verification);
        Assert.Equal(TestClock.Now, membership.VerifiedAt);

        var card = Assert.Single(membership.Cards);
        Assert.Equal(CardStatus.Active, card.Status);
        Assert.Equal(database.LibraryA, card.LibraryId);
        Assert.Equal(TestClock.Today, card.IssuedOn);
        Assert.Matches("^[1-9][0-9]{9}$", card.Number); // CardNumbers.Generate: ten digits, not starting with 0
    }

    [Fact]
    public async Task Run_ValidAdult_PseudonymIsRandomAndNotAnotherId()
    {
        // DESIGN.md §4: activity refers to a member by a random pseudonym. Guid.NewGuid is version 4 (random);
        // the person and membership ids are version 7 (time-ordered), so the pseudonym must not be one of them.
        using var database = TestDatabase.Create();
        var (personId, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari"));
        var (_, otherMembershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Ola"));

        await using var db = database.NewContext();
        var pseudonym = await db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Pseudonym).SingleAsync(Ct);
        var otherPseudonym = await db.Memberships.Where(m => m.Id == otherMembershipId).Select(m => m.Pseudonym).SingleAsync(Ct);
        Assert.Equal(4, pseudonym.Version);
        Assert.NotEqual(personId, pseudonym);
        Assert.NotEqual(membershipId, pseudonym);
        Assert.NotEqual(pseudonym, otherPseudonym);
    }

    [Fact]
    public async Task Run_VerificationNone_MembershipIsUnverified()
    {
        using var database = TestDatabase.Create();

        var (_, membershipId) = await database.RegisteredAsync(
            database.LibraryA, TestMembers.Adult() with { Verification = VerificationLevel.None });

        await using var db = database.NewContext();
        var membership = await db.Memberships.SingleAsync(m => m.Id == membershipId, Ct);
        Assert.Equal(VerificationLevel.None, membership.Verification);
        Assert.Null(membership.VerifiedAt);
    }

    [Fact]
    public async Task Run_ChildUnder15WithoutGuardian_IsGuardianRequiredAndStoresNothing()
    {
        // MembershipStatusRules.GuardianApprovalBelowAge = 15; the child is 10.
        using var database = TestDatabase.Create();
        var before = database.CountRows();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Child());

        Assert.False(outcome.Succeeded);
        ErrorAssert.Has(outcome.Errors, "GuardianIds", "guardian.required");
        Assert.Equal(before, database.CountRows());
        Assert.Equal(0, database.Saves.Count);
    }

    [Fact]
    public async Task Run_ChildWithGuardianApprovingAtDesk_IsLinkedAndApproved()
    {
        using var database = TestDatabase.Create();
        var (guardianId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari"));

        var outcome = await database.RegisterAsync(
            database.LibraryA, TestMembers.Child() with { GuardianIds = [guardianId], GuardianApprovedAtDesk = true });

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        await using var db = database.NewContext();
        var child = await db.People.Include(p => p.Guardians).Include(p => p.Memberships).SingleAsync(p => p.Id == outcome.Value!.Id, Ct);
        Assert.Equal(guardianId, Assert.Single(child.Guardians).GuardianId);
        var membership = Assert.Single(child.Memberships);
        Assert.Equal(TestClock.Now, membership.GuardianApprovedAt);
        Assert.Equal(guardianId, membership.ApprovedByGuardianId);
    }

    [Fact]
    public async Task Run_ChildWithGuardianNotAtDesk_IsLinkedButNotApproved()
    {
        using var database = TestDatabase.Create();
        var (guardianId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari"));

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Child() with { GuardianIds = [guardianId] });

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        await using var db = database.NewContext();
        var membership = await db.Memberships.Include(m => m.MembershipType).Include(m => m.Person)
            .SingleAsync(m => m.PersonId == outcome.Value!.Id, Ct);
        Assert.Null(membership.GuardianApprovedAt);
        Assert.Null(membership.ApprovedByGuardianId);
        // A child of 10 without a guardian's approval is pending (MembershipStatusRules).
        Assert.Equal(MembershipStatus.Pending,
            database.Rules.Status.Evaluate(membership, membership.MembershipType!, membership.Person!.BirthDate, TestClock.Today));
    }

    [Fact]
    public async Task Run_GuardianFromTheOtherLibrary_IsGuardianUnknownAndStoresNothing()
    {
        // Tenancy: library A's staff cannot see library B's members, so cannot name one as a guardian.
        using var database = TestDatabase.Create();
        var (guardianInB, _) = await database.RegisteredAsync(database.LibraryB, TestMembers.Adult("Kari"));
        var before = database.CountRows();

        var outcome = await database.RegisterAsync(
            database.LibraryA, TestMembers.Child() with { GuardianIds = [guardianInB], GuardianApprovedAtDesk = true });

        ErrorAssert.Has(outcome.Errors, "GuardianIds", "guardian.unknown");
        Assert.Equal(before, database.CountRows());
    }

    [Fact]
    public async Task Run_GuardianUnder18_IsGuardianTooYoung()
    {
        // MemberRules.GuardianMinimumAge = 18. Born 2009-01-01 the "guardian" is 17 (UNGDOM 15-19).
        using var database = TestDatabase.Create();
        var (youngId, _) = await database.RegisteredAsync(
            database.LibraryA, TestMembers.Adult("Per", birthDate: new DateOnly(2009, 1, 1), type: DefaultMembershipTypes.Codes.Youth));

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Child() with { GuardianIds = [youngId] });

        ErrorAssert.Has(outcome.Errors, "GuardianIds", "guardian.too-young");
    }

    [Fact]
    public async Task Run_DuplicateCardNumberInTheSameLibrary_IsCardDuplicateAndStoresNothing()
    {
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari") with { CardNumber = "1234567897" });
        var before = database.CountRows();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult("Ola") with { CardNumber = "1234567897" });

        ErrorAssert.Exactly(outcome.Errors, "CardNumber", "card.duplicate");
        Assert.Equal(before, database.CountRows());
    }

    [Fact]
    public async Task Run_SameCardNumberInTheOtherLibrary_IsAccepted()
    {
        // "Unique per library (the database enforces it)": the unique index is (LibraryId, Number).
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari") with { CardNumber = "1234567897" });

        var outcome = await database.RegisterAsync(database.LibraryB, TestMembers.Adult("Ola") with { CardNumber = "1234567897" });

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Cards.CountAsync(c => c.Number == "1234567897", Ct));
    }

    [Fact]
    public async Task Run_CardNumberWithSpacesAround_IsTrimmed()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "  N0012345 " });

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        await using var db = database.NewContext();
        Assert.Equal("N0012345", await db.Cards.Select(c => c.Number).SingleAsync(Ct));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("12-34")]
    public async Task Run_MalformedCardNumber_IsCardInvalid(string number)
    {
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = number });

        ErrorAssert.Exactly(outcome.Errors, "CardNumber", "card.invalid");
        Assert.Equal((0, 0, 0, 0, 0), database.CountRows());
    }

    [Fact]
    public async Task Run_UnknownType_IsTypeUnknown()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult(type: "GULL"));

        ErrorAssert.Exactly(outcome.Errors, "MembershipTypeCode", "type.unknown");
        Assert.Equal((0, 0, 0, 0, 0), database.CountRows());
    }

    [Fact]
    public async Task Run_TypeNoLongerOffered_IsTypeUnknown()
    {
        // MembershipType.Active: "False when the library no longer offers it".
        using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            var student = await db.MembershipTypes.SingleAsync(t => t.LibraryId == database.LibraryA && t.Code == "STUDENT", Ct);
            student.Active = false;
            await db.SaveChangesAsync(Ct);
        }

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult(type: "STUDENT"));

        ErrorAssert.Exactly(outcome.Errors, "MembershipTypeCode", "type.unknown");
    }

    [Fact]
    public async Task Run_MissingType_IsRequired()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult() with { MembershipTypeCode = " " });

        ErrorAssert.Exactly(outcome.Errors, "MembershipTypeCode", "required");
    }

    [Fact]
    public async Task Run_ChildTypeForAThirtyYearOld_IsTypeAge()
    {
        // BARN: MaxAge 14. Born 1996-01-01: 30 on 2026-11-28.
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(
            database.LibraryA, TestMembers.Adult(birthDate: new DateOnly(1996, 1, 1), type: DefaultMembershipTypes.Codes.Child));

        ErrorAssert.Exactly(outcome.Errors, "MembershipTypeCode", "type.age");
        Assert.Equal((0, 0, 0, 0, 0), database.CountRows());
    }

    [Fact]
    public async Task Run_AdultTypeOnThe18thBirthday_IsAccepted()
    {
        // VOKSEN: MinAge 18 inclusive. Born 2008-11-28: 18 on 2026-11-28.
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult(birthDate: new DateOnly(2008, 11, 28)));

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
    }

    [Fact]
    public async Task Run_AdultTypeTheDayBeforeThe18thBirthday_IsTypeAge()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult(birthDate: new DateOnly(2008, 11, 29)));

        ErrorAssert.Exactly(outcome.Errors, "MembershipTypeCode", "type.age");
    }

    [Fact]
    public async Task Run_VerificationElectronicId_IsNotAllowed()
    {
        // RegisterMemberInput.Verification: "Electronic ID is set only by the electronic-ID sign-in, never by hand."
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult() with { Verification = VerificationLevel.ElectronicId });

        ErrorAssert.Exactly(outcome.Errors, "Verification", "verification.not-allowed");
        Assert.Equal((0, 0, 0, 0, 0), database.CountRows());
    }

    [Fact]
    public async Task Run_UndefinedVerification_IsNotAllowed()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult() with { Verification = (VerificationLevel)9 });

        ErrorAssert.Exactly(outcome.Errors, "Verification", "verification.not-allowed");
    }

    [Fact]
    public async Task Run_HomeBranchOfTheOtherLibrary_IsBranchUnknown()
    {
        using var database = TestDatabase.Create();
        int branchOfB;
        await using (var db = database.NewContext())
        {
            var branch = new Medlem.Core.Consortium.Branch { LibraryId = database.LibraryB, Code = "hoved", Name = "Hovedbiblioteket", IsMain = true };
            db.Branches.Add(branch);
            await db.SaveChangesAsync(Ct);
            branchOfB = branch.Id;
        }

        var outcome = await database.RegisterAsync(database.LibraryA, TestMembers.Adult() with { HomeBranchId = branchOfB });

        ErrorAssert.Exactly(outcome.Errors, "HomeBranchId", "branch.unknown");
    }

    [Theory]
    [InlineData("Ærlig Øyvind", "Åsen")]
    [InlineData("Thị", "Nguyễn")]
    [InlineData("Мария", "Иванова")]
    [InlineData("李", "小龙")]
    public async Task Run_NamesBeyondAscii_RoundTripExactly(string given, string family)
    {
        using var database = TestDatabase.Create();

        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult(given, family));

        await using var db = database.NewContext();
        var person = await db.People.SingleAsync(p => p.Id == personId, Ct);
        Assert.Equal(given, person.GivenName);
        Assert.Equal(family, person.FamilyName);
    }

    [Fact]
    public async Task Run_DecomposedName_IsStoredComposed()
    {
        using var database = TestDatabase.Create();

        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari", "A\u030Asen"));

        await using var db = database.NewContext();
        Assert.Equal("\u00C5sen", await db.People.Where(p => p.Id == personId).Select(p => p.FamilyName).SingleAsync(Ct));
    }

    [Fact]
    public async Task Run_ContactDetails_AreStoredNormalised()
    {
        using var database = TestDatabase.Create();
        var input = TestMembers.Adult() with
        {
            Details = TestMembers.Adult().Details with
            {
                Email = "Kari@Example.NO",
                Mobile = "412 34 567",
                Street = "Sølvberggata 2",
                PostalCode = "4006",
                City = "Stavanger",
            },
        };

        var (personId, _) = await database.RegisteredAsync(database.LibraryA, input);

        await using var db = database.NewContext();
        var person = await db.People.Include(p => p.ContactPoints).SingleAsync(p => p.Id == personId, Ct);
        Assert.Equal("kari@example.no", person.ContactPoints.Single(c => c.Kind == ContactKind.Email).Value);
        Assert.Equal("+4741234567", person.ContactPoints.Single(c => c.Kind == ContactKind.Mobile).Value);
        Assert.Equal("Sølvberggata 2", person.Address!.Street);
        Assert.Equal("NO", person.Address.Country);
    }

    [Fact]
    public async Task Run_InvalidDetails_StoresNothing()
    {
        using var database = TestDatabase.Create();
        var input = TestMembers.Adult() with { Details = TestMembers.Adult().Details with { GivenName = "Kari\u0000" } };

        var outcome = await database.RegisterAsync(database.LibraryA, input);

        ErrorAssert.Has(outcome.Errors, "GivenName", "control-characters");
        Assert.Equal((0, 0, 0, 0, 0), database.CountRows());
    }
}
