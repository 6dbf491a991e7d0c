using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members;

/// <summary>Eight-digit card numbers look like Norwegian mobile numbers; the desk must still find the card holder.</summary>
public class FindMembersCardLikeMobileTests
{
    [Theory]
    [InlineData("41234567")]
    [InlineData("91234567")]
    [InlineData("0000123456")]
    public async Task Run_CardNumberThatAlsoParsesAsMobile_FindsTheCardHolder(string cardNumber)
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = cardNumber });
        await using var db = database.NewContext();
        var hits = await new FindMembers(db).RunAsync(database.LibraryA, cardNumber, TestContext.Current.CancellationToken);
        Assert.Equal(personId, Assert.Single(hits).PersonId);
    }
}
