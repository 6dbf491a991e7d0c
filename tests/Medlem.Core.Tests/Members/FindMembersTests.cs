using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members;

// FindMembers.cs: finds members of one library by name, card number, e-mail or phone; "a search never reaches other
// libraries' members". Person.SearchName: lower-cased because SQLite's LIKE folds ASCII only.
public class FindMembersTests
{
    private static async Task<IReadOnlyList<MemberHit>> FindAsync(TestDatabase database, int libraryId, string query)
    {
        await using var db = database.NewContext();
        return await new FindMembers(db).RunAsync(libraryId, query, TestContext.Current.CancellationToken);
    }

    private static RegisterMemberInput Kari(string family = "Ødegård") => TestMembers.Adult("Kari", family) with
    {
        Details = TestMembers.Adult("Kari", family).Details with { Email = "kari@example.no", Mobile = "41234567" },
        CardNumber = "1234567897",
    };

    [Theory]
    [InlineData("ødegård")]
    [InlineData("ØDEGÅRD")]
    [InlineData("Ødegård")]
    [InlineData("degå")]          // a part of the name
    [InlineData("ødegård kari")]  // every word, any order
    public async Task Run_NameBeyondAscii_IsFoundCaseInsensitively(string query)
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, Kari());

        var hits = await FindAsync(database, database.LibraryA, query);

        var hit = Assert.Single(hits);
        Assert.Equal(personId, hit.PersonId);
        Assert.Equal("Kari Ødegård", hit.FullName);
        Assert.Equal(["1234567897"], hit.CardNumbers);
    }

    [Fact]
    public async Task Run_WordThatIsNotInTheName_FindsNothing()
    {
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, Kari());

        Assert.Empty(await FindAsync(database, database.LibraryA, "kari hansen"));
    }

    [Fact]
    public async Task Run_CardNumber_FindsTheHolder()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, Kari());

        Assert.Equal(personId, Assert.Single(await FindAsync(database, database.LibraryA, "1234567897")).PersonId);
    }

    [Fact]
    public async Task Run_EmailInAnotherCase_FindsTheOwner()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, Kari());

        Assert.Equal(personId, Assert.Single(await FindAsync(database, database.LibraryA, "KARI@Example.No")).PersonId);
    }

    [Theory]
    [InlineData("412 34 567")]
    [InlineData("+47 41 23 45 67")]
    [InlineData("0047 41234567")]
    public async Task Run_MobileWithSpaces_FindsTheOwner(string query)
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, Kari());

        Assert.Equal(personId, Assert.Single(await FindAsync(database, database.LibraryA, query)).PersonId);
    }

    [Fact]
    public async Task Run_LostCard_IsNotListedAmongTheHitsCards()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, Kari());
        await using (var db = database.NewContext())
        {
            var issued = await new MembershipCommands(db, database.Rules, database.Clock)
                .IssueCardAsync(database.LibraryA, membershipId, "2000000008", replaceActive: true, TestContext.Current.CancellationToken);
            Assert.True(issued.Succeeded, issued.Errors.ToString());
        }

        var hit = Assert.Single(await FindAsync(database, database.LibraryA, "Ødegård"));

        Assert.Equal(["2000000008"], hit.CardNumbers); // MemberHit lists active cards only
    }

    [Theory]
    [InlineData("Ødegård")]
    [InlineData("1234567897")]
    [InlineData("kari@example.no")]
    [InlineData("41234567")]
    public async Task Run_MemberOfTheOtherLibraryOnly_IsNeverFound(string query)
    {
        // The same name, card number (unique per library only), e-mail and mobile in library B.
        using var database = TestDatabase.Create();
        var (inA, _) = await database.RegisteredAsync(database.LibraryA, Kari() with { CardNumber = "5555555557" });
        await database.RegisteredAsync(database.LibraryB, Kari());

        var hits = await FindAsync(database, database.LibraryA, query);

        Assert.All(hits, h => Assert.Equal(inA, h.PersonId));
        Assert.Empty(await FindAsync(database, database.LibraryA, "1234567897"));
    }

    [Fact]
    public async Task Run_MemberOfBothLibraries_ShowsOnlyTheAskingLibrarysCards()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, Kari());
        await database.AddMembershipAsync(personId, database.LibraryB, "9999999999");

        var hit = Assert.Single(await FindAsync(database, database.LibraryA, "Ødegård"));

        Assert.Equal(["1234567897"], hit.CardNumbers);
        Assert.Empty(await FindAsync(database, database.LibraryA, "9999999999"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]   // shorter than 2
    [InlineData("   ")]
    public async Task Run_TooShortQuery_FindsNothing(string query)
    {
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, Kari("Ko"));

        Assert.Empty(await FindAsync(database, database.LibraryA, query));
    }

    [Fact]
    public async Task Run_LikeWildcards_AreLiteral()
    {
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, Kari());

        Assert.Empty(await FindAsync(database, database.LibraryA, "%%"));
        Assert.Empty(await FindAsync(database, database.LibraryA, "k_ri"));
    }
}
