using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members;

// GetMember.cs: "What staff of one library see of a person: the national identity number only masked, memberships
// of their own library only"; null when outside the library. Mask: the six date digits, then ***** (docs/
// national-identity-number.md).
public class GetMemberTests
{
    private static async Task<MemberView?> GetAsync(TestDatabase database, int libraryId, Guid personId)
    {
        await using var db = database.NewContext();
        return await new GetMember(db, database.Rules, database.Clock).RunAsync(libraryId, personId, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Run_PersonWithNumber_ShowsItMasked()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with
        {
            Details = new MemberDetailsInput { GivenName = "Kari", FamilyName = "Nordmann", NationalIdentityNumber = TestMembers.SyntheticNin1952 },
        });

        var view = await GetAsync(database, database.LibraryA, personId);

        Assert.Equal("129052*****", view!.MaskedNationalIdentityNumber);
        Assert.Equal(74, view.Age); // born 1952-10-12, 74 on 2026-11-28
    }

    [Fact]
    public async Task Run_PersonWithoutNumber_MaskedNumberIsNull()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());

        Assert.Null((await GetAsync(database, database.LibraryA, personId))!.MaskedNationalIdentityNumber);
    }

    [Fact]
    public async Task Run_NewlyRegisteredBorrower_IsNewAndBorrower()
    {
        // Registered today with a desk check: within the first 90 days (New); desk-checked, 0 loans (Borrower).
        using var database = TestDatabase.Create();
        var (personId, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());

        var membership = Assert.Single((await GetAsync(database, database.LibraryA, personId))!.Memberships);

        Assert.Equal(membershipId, membership.MembershipId);
        Assert.Equal(MembershipStatus.New, membership.Status);
        Assert.Equal(EngagementStage.Borrower, membership.Stage);
        Assert.False(membership.AwaitsGuardianApproval);
        Assert.Single(membership.Cards);
    }

    [Fact]
    public async Task Run_MemberOfBothLibraries_ShowsOnlyTheAskingLibrarysMemberships()
    {
        using var database = TestDatabase.Create();
        var (personId, membershipInA) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());
        var membershipInB = await database.AddMembershipAsync(personId, database.LibraryB, "9999999999");

        var fromA = await GetAsync(database, database.LibraryA, personId);
        var fromB = await GetAsync(database, database.LibraryB, personId);

        var a = Assert.Single(fromA!.Memberships);
        Assert.Equal(membershipInA, a.MembershipId);
        Assert.Equal(database.LibraryA, a.Type.LibraryId);
        Assert.DoesNotContain(a.Cards, c => c.Number == "9999999999");
        var b = Assert.Single(fromB!.Memberships);
        Assert.Equal(membershipInB, b.MembershipId);
        Assert.Equal(["9999999999"], b.Cards.Select(c => c.Number));
    }

    [Fact]
    public async Task Run_PersonWithMembershipsOnlyInTheOtherLibrary_IsNull()
    {
        using var database = TestDatabase.Create();
        var (personInB, _) = await database.RegisteredAsync(database.LibraryB, TestMembers.Adult());

        Assert.Null(await GetAsync(database, database.LibraryA, personInB));
    }

    [Fact]
    public async Task Run_UnknownPerson_IsNull()
    {
        using var database = TestDatabase.Create();

        Assert.Null(await GetAsync(database, database.LibraryA, Guid.NewGuid()));
    }

    [Fact]
    public async Task Run_GuardianOfAChildMember_IsVisibleWithoutMembershipsAndListsTheChild()
    {
        // Tenancy.VisibleTo: "its members and the guardians of its child members". The guardian is a member of B
        // only; the child, registered in B with that guardian, also gets a membership of A.
        using var database = TestDatabase.Create();
        var (guardianId, _) = await database.RegisteredAsync(database.LibraryB, TestMembers.Adult("Kari", "Nordmann"));
        var (childId, _) = await database.RegisteredAsync(
            database.LibraryB, TestMembers.Child("Ola", "Nordmann") with { GuardianIds = [guardianId] });
        await database.AddMembershipAsync(childId, database.LibraryA, "3333333333", DefaultMembershipTypes.Codes.Child);

        var guardian = await GetAsync(database, database.LibraryA, guardianId);
        var child = await GetAsync(database, database.LibraryA, childId);

        Assert.NotNull(guardian);
        Assert.Empty(guardian.Memberships);
        Assert.Equal([new RelatedPerson(childId, "Ola Nordmann")], guardian.Children);
        Assert.Equal([new RelatedPerson(guardianId, "Kari Nordmann")], child!.Guardians);
        Assert.True(Assert.Single(child.Memberships).AwaitsGuardianApproval);
    }
}
