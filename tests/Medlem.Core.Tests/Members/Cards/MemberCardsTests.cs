using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Members.Cards;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.Cards;

// MemberCards: a person sees their own active cards in every library; ReportLostCard blocks only their own card and
// issues a new number; CheckCard tells a desk the status, type and benefits of its own library's card only.
public class MemberCardsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MemberCards Cards(TestDatabase database, MedlemDbContext db) => new(db, database.Rules, database.Clock);

    private static ReportLostCard ReportLost(TestDatabase database, MedlemDbContext db) =>
        new(Cards(database, db), new MembershipCommands(db, database.Rules, database.Clock));

    private static async Task<int> CardIdAsync(TestDatabase database, string number)
    {
        await using var db = database.NewContext();
        return await db.Cards.Where(c => c.Number == number).Select(c => c.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task Active_ShowsThePersonsActiveCardsInEveryLibrary_AndNoOneElses()
    {
        using var database = TestDatabase.Create();
        var (kari, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        await database.AddMembershipAsync(kari, database.LibraryB, "SAND0001");
        await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Per", "Hansen") with { CardNumber = "2222222224" });
        await using (var db = database.NewContext())
        {
            // A lost card of Kari's stays off her card page.
            var membership = await db.Memberships.SingleAsync(m => m.PersonId == kari && m.LibraryId == database.LibraryA, Ct);
            db.Cards.Add(new LibraryCard { MembershipId = membership.Id, LibraryId = database.LibraryA, Number = "LOST0001", Status = CardStatus.Lost });
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewContext();
        var cards = await Cards(database, read).ActiveAsync(kari, Ct);

        Assert.Equal(["1111111117", "SAND0001"], cards.Select(c => c.Number).Order(StringComparer.Ordinal));
        var stavanger = cards.Single(c => c.LibraryId == database.LibraryA);
        Assert.Equal("Stavanger bibliotek", stavanger.LibraryName);
        Assert.Equal("Låner", stavanger.TypeName("nb"));
    }

    [Fact]
    public async Task ReportLost_OwnCard_MarksItLost_AndIssuesANewNumberInTheSameMembership()
    {
        using var database = TestDatabase.Create();
        var (kari, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        var oldCard = await CardIdAsync(database, "1111111117");

        await using (var db = database.NewContext())
        {
            var outcome = await ReportLost(database, db).RunAsync(kari, oldCard, Ct);
            Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        }

        await using var read = database.NewContext();
        var cards = await read.Cards.Where(c => c.MembershipId == membershipId).ToListAsync(Ct);
        Assert.Equal(CardStatus.Lost, cards.Single(c => c.Id == oldCard).Status);
        var replacement = cards.Single(c => c.Id != oldCard);
        Assert.Equal(CardStatus.Active, replacement.Status);
        Assert.True(CardNumbers.HasValidCheckDigit(replacement.Number), replacement.Number);
        Assert.Equal(TestClock.Today, replacement.IssuedOn);
    }

    [Fact]
    public async Task ReportLost_SomeoneElsesCard_IsNotFound_AndChangesNothing()
    {
        using var database = TestDatabase.Create();
        var (kari, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Per", "Hansen") with { CardNumber = "2222222224" });
        var persCard = await CardIdAsync(database, "2222222224");
        var before = database.CountRows();

        await using (var db = database.NewContext())
        {
            var outcome = await ReportLost(database, db).RunAsync(kari, persCard, Ct);
            Assert.True(outcome.NotFound);
        }

        Assert.Equal(before, database.CountRows());
        await using var read = database.NewContext();
        Assert.Equal(CardStatus.Active, (await read.Cards.SingleAsync(c => c.Id == persCard, Ct)).Status);
    }

    [Fact]
    public async Task ReportLost_ACardAlreadyLost_IsNotFound_SoNoSecondNumberIsIssued()
    {
        using var database = TestDatabase.Create();
        var (kari, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        var card = await CardIdAsync(database, "1111111117");
        await using (var db = database.NewContext())
        {
            Assert.True((await ReportLost(database, db).RunAsync(kari, card, Ct)).Succeeded);
        }

        var before = database.CountRows();
        await using (var db = database.NewContext())
        {
            Assert.True((await ReportLost(database, db).RunAsync(kari, card, Ct)).NotFound);
        }

        Assert.Equal(before, database.CountRows());
    }

    [Fact]
    public async Task Check_CardOfTheLibrary_GivesStatusTypeAndBenefits()
    {
        using var database = TestDatabase.Create();
        var (kari, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        var card = await CardIdAsync(database, "1111111117");

        await using var db = database.NewContext();
        var check = await new CheckCard(db, database.Rules, database.Clock).RunAsync(database.LibraryA, card, Ct);

        Assert.Equal(CardCheckResult.Valid, check.Result);
        // Registered today: new for its first 90 days (MembershipStatusRules.NewForDays).
        Assert.Equal(MembershipStatus.New, check.Status);
        Assert.Equal(DefaultMembershipTypes.Codes.Borrower, check.TypeCode);
        var type = await db.MembershipTypes.SingleAsync(t => t.LibraryId == database.LibraryA && t.Code == DefaultMembershipTypes.Codes.Borrower, Ct);
        Assert.Equal(type.Benefits, check.Benefits);
        Assert.NotEqual(MembershipBenefits.None, check.Benefits);
        Assert.Equal((kari, membershipId), (check.PersonId, check.MembershipId));
    }

    [Fact]
    public async Task Check_BlockedMembership_SaysBlocked()
    {
        using var database = TestDatabase.Create();
        var (_, membershipId) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        await using (var db = database.NewContext())
        {
            var blocked = await new MembershipCommands(db, database.Rules, database.Clock).SetBlockAsync(database.LibraryA, membershipId, true, "Ubetalt erstatning", Ct);
            Assert.True(blocked.Succeeded);
        }

        await using var read = database.NewContext();
        var check = await new CheckCard(read, database.Rules, database.Clock).RunAsync(database.LibraryA, await CardIdAsync(database, "1111111117"), Ct);

        Assert.Equal((CardCheckResult.Valid, MembershipStatus.Blocked), (check.Result, check.Status));
    }

    [Fact]
    public async Task Check_LostCard_IsNotActive_AndACardOfAnotherLibrary_IsNotFound()
    {
        using var database = TestDatabase.Create();
        var (kari, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "1111111117" });
        await database.AddMembershipAsync(kari, database.LibraryB, "SAND0001");
        var stavangerCard = await CardIdAsync(database, "1111111117");
        var sandnesCard = await CardIdAsync(database, "SAND0001");
        await using (var db = database.NewContext())
        {
            await new MembershipCommands(db, database.Rules, database.Clock).SetCardStatusAsync(database.LibraryA, stavangerCard, CardStatus.Lost, Ct);
        }

        await using var read = database.NewContext();
        var check = new CheckCard(read, database.Rules, database.Clock);

        var lost = await check.RunAsync(database.LibraryA, stavangerCard, Ct);
        Assert.Equal((CardCheckResult.CardNotActive, CardStatus.Lost), (lost.Result, lost.CardStatus));
        Assert.Equal(CardCheckResult.NotFound, (await check.RunAsync(database.LibraryA, sandnesCard, Ct)).Result);
        Assert.Equal(CardCheckResult.Valid, (await check.RunAsync(database.LibraryB, sandnesCard, Ct)).Result);
    }
}
