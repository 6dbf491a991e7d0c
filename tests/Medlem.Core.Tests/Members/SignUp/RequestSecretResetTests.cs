using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.SignUp;

// RequestSecretReset.cs: reset links go only to confirmed addresses, by address or by library and card number,
// at most three an hour per person; an unknown address or card gets nothing, and says nothing.
public class RequestSecretResetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ByConfirmedAddress_OrByCard_MakesAOneHourLinkToTheConfirmedAddress()
    {
        using var database = TestDatabase.Create();
        var signUp = await database.SignedUpAsync(SignUpTestData.Adult());
        await SignUpDigitalMemberTests.VerifyEmailAsync(database, signUp.PersonId);
        string card;
        await using (var db = database.NewContext())
        {
            card = await db.Cards.Select(c => c.Number).SingleAsync(Ct);
        }

        var byAddress = Assert.Single(await ConfirmEmailAddressTests.ResetAsync(database, " INGRID.hansen@example.org"));
        var byCard = Assert.Single(await ResetAsync(database, new SecretResetRequest(null, "stavanger", card)));

        Assert.All(new[] { byAddress, byCard }, r => Assert.Equal((signUp.PersonId, "ingrid.hansen@example.org", TestClock.Now.AddHours(1)), (r.PersonId, r.Link.SentTo, r.Link.ExpiresAt)));
        await using var check = database.NewContext();
        Assert.Equal(2, await check.MemberLinks.CountAsync(l => l.Purpose == MemberLinkPurpose.ResetSecret, Ct));
    }

    [Fact]
    public async Task UnconfirmedAddress_UnknownAddress_WrongLibraryOrCard_GetNothing()
    {
        using var database = TestDatabase.Create();
        await database.SignedUpAsync(SignUpTestData.Adult());
        string card;
        await using (var db = database.NewContext())
        {
            card = await db.Cards.Select(c => c.Number).SingleAsync(Ct);
        }

        Assert.Empty(await ConfirmEmailAddressTests.ResetAsync(database, "ingrid.hansen@example.org")); // not confirmed yet
        Assert.Empty(await ConfirmEmailAddressTests.ResetAsync(database, "nobody@example.org"));
        Assert.Empty(await ResetAsync(database, new SecretResetRequest(null, "sandnes", card)));
        Assert.Empty(await ResetAsync(database, new SecretResetRequest(null, "stavanger", card))); // card known, but no confirmed address
        Assert.Empty(await ResetAsync(database, new SecretResetRequest(null, null, null)));
        await using var check = database.NewContext();
        Assert.Equal(0, await check.MemberLinks.CountAsync(l => l.Purpose == MemberLinkPurpose.ResetSecret, Ct));
    }

    [Fact]
    public async Task AFourthRequestWithinAnHour_MakesNoLink_ButAnHourLaterItDoes()
    {
        using var database = TestDatabase.Create();
        var signUp = await database.SignedUpAsync(SignUpTestData.Adult());
        await SignUpDigitalMemberTests.VerifyEmailAsync(database, signUp.PersonId);

        var counts = new List<int>();
        for (var i = 0; i < RequestSecretReset.MaxLinksPerHour + 1; i++)
        {
            counts.Add((await ConfirmEmailAddressTests.ResetAsync(database, "ingrid.hansen@example.org")).Count);
            database.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([1, 1, 1, 0], counts);
        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Single(await ConfirmEmailAddressTests.ResetAsync(database, "ingrid.hansen@example.org"));
    }

    private static async Task<IReadOnlyList<IssuedReset>> ResetAsync(TestDatabase database, SecretResetRequest request)
    {
        await using var db = database.NewContext();
        return await new RequestSecretReset(db, database.Clock).RunAsync(request, Ct);
    }
}
