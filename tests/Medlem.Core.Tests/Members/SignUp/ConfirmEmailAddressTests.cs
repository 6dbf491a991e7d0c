using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.SignUp;

// ConfirmEmailAddress.cs: a ConfirmEmail link verifies the address and the membership in one save; a bad link
// (unknown, expired, used, another person's, or an address meanwhile confirmed for another member of the library)
// changes nothing. The web tests drive the same rules through /bekreft-epost.
public class ConfirmEmailAddressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_GoodLink_VerifiesAddressAndMembership_UsesTheLink_AndClosesTheOthers()
    {
        using var database = TestDatabase.Create();
        var signUp = await database.SignedUpAsync(SignUpTestData.Adult());
        var resent = await ResendAsync(database, signUp);
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await ConfirmAsync(database, signUp.Confirmation!.Token, signedIn: null);

        Assert.Equal((LinkProblem.None, signUp.PersonId, "Ingrid"), (result.Problem, result.PersonId, result.GivenName));
        await using var db = database.NewContext();
        var email = await db.ContactPoints.SingleAsync(c => c.Kind == ContactKind.Email, Ct);
        Assert.Equal((true, database.Clock.GetUtcNow()), (email.Verified, email.VerifiedAt!.Value));
        var membership = await db.Memberships.SingleAsync(Ct);
        Assert.Equal((VerificationLevel.EmailVerified, database.Clock.GetUtcNow()), (membership.Verification, membership.VerifiedAt!.Value));
        Assert.Equal(database.Clock.GetUtcNow(), (await db.MemberAccounts.SingleAsync(Ct)).LastSignInAt);
        var links = await db.MemberLinks.ToListAsync(Ct);
        Assert.Equal(database.Clock.GetUtcNow(), links.Single(l => l.TokenHash == MemberLinkTokens.HashOf(signUp.Confirmation.Token)).UsedAt);
        // The resent link no longer works: one key per purpose.
        Assert.Equal(LinkProblem.Expired, (await ConfirmAsync(database, resent.Token, null)).Problem);
    }

    [Fact]
    public async Task Run_BadLinks_EachSaysWhy_AndChangeNothing()
    {
        using var database = TestDatabase.Create();
        var signUp = await database.SignedUpAsync(SignUpTestData.Adult());
        var other = await database.SignedUpAsync(SignUpTestData.Adult(email: "per@example.org") with { GivenName = "Per" });
        var snapshot = await SnapshotAsync(database);

        Assert.Equal(LinkProblem.Unknown, (await ConfirmAsync(database, MemberLinkTokens.NewToken(), null)).Problem); // forged
        Assert.Equal(LinkProblem.Unknown, (await ConfirmAsync(database, signUp.Confirmation!.Token[..40], null)).Problem); // cut short
        Assert.Equal(LinkProblem.OtherPerson, (await ConfirmAsync(database, signUp.Confirmation.Token, other.PersonId)).Problem);
        database.Clock.Advance(TimeSpan.FromHours(48));
        Assert.Equal(LinkProblem.Expired, (await ConfirmAsync(database, signUp.Confirmation.Token, null)).Problem);

        Assert.Equal(snapshot, await SnapshotAsync(database));
    }

    [Fact]
    public async Task Run_UsedLink_IsUsed_AndAResetLinkNeverConfirms()
    {
        using var database = TestDatabase.Create();
        var signUp = await database.SignedUpAsync(SignUpTestData.Adult());
        await ConfirmAsync(database, signUp.Confirmation!.Token, null);
        var snapshot = await SnapshotAsync(database);

        Assert.Equal(LinkProblem.Used, (await ConfirmAsync(database, signUp.Confirmation.Token, signUp.PersonId)).Problem);
        var reset = await ResetAsync(database, "ingrid.hansen@example.org");
        Assert.Equal(LinkProblem.Unknown, (await ConfirmAsync(database, Assert.Single(reset).Link.Token, null)).Problem);
        Assert.Equal(snapshot.Memberships, (await SnapshotAsync(database)).Memberships);
    }

    [Fact]
    public async Task Run_TwoSignUpsWithOneAddress_OnlyTheFirstConfirmationWins()
    {
        using var database = TestDatabase.Create();
        var first = await database.SignedUpAsync(SignUpTestData.Adult());
        var second = await database.SignedUpAsync(SignUpTestData.Adult());
        await ConfirmAsync(database, first.Confirmation!.Token, null);
        var snapshot = await SnapshotAsync(database);

        Assert.Equal(LinkProblem.AddressTaken, (await ConfirmAsync(database, second.Confirmation!.Token, null)).Problem);
        Assert.Equal(snapshot, await SnapshotAsync(database));
    }

    [Fact]
    public async Task Check_SaysWhoseAddress_WithoutUsingTheLink()
    {
        using var database = TestDatabase.Create();
        var signUp = await database.SignedUpAsync(SignUpTestData.Adult());
        await using var db = database.NewContext();

        var check = await new ConfirmEmailAddress(db, database.Clock).CheckAsync(signUp.Confirmation!.Token, null, Ct);

        Assert.Equal((LinkProblem.None, "Ingrid", "ingrid.hansen@example.org"), (check.Problem, check.GivenName, check.Email));
        Assert.Null((await db.MemberLinks.AsNoTracking().SingleAsync(Ct)).UsedAt);
    }

    internal static async Task<ConfirmationCheck> ConfirmAsync(TestDatabase database, string token, Guid? signedIn)
    {
        await using var db = database.NewContext();
        return await new ConfirmEmailAddress(db, database.Clock).RunAsync(token, signedIn, Ct);
    }

    private static async Task<IssuedLink> ResendAsync(TestDatabase database, SignUpResult signUp)
    {
        await using var db = database.NewContext();
        var resent = await new ResendConfirmation(db, database.Clock).RunAsync(signUp.PersonId, signUp.Email, Ct);
        return resent!.Link;
    }

    internal static async Task<IReadOnlyList<IssuedReset>> ResetAsync(TestDatabase database, string email)
    {
        await using var db = database.NewContext();
        return await new RequestSecretReset(db, database.Clock).RunAsync(new SecretResetRequest(email, null, null), Ct);
    }

    /// <summary>Everything a confirmation could change, as text, to compare before and after.</summary>
    private static async Task<(string Contacts, string Memberships, string Links, string Accounts)> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var contacts = await db.ContactPoints.OrderBy(c => c.Id).Select(c => $"{c.Value}:{c.Verified}:{c.VerifiedAt}").ToListAsync(Ct);
        var memberships = await db.Memberships.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Verification}:{m.VerifiedAt}").ToListAsync(Ct);
        var links = (await db.MemberLinks.ToListAsync(Ct)).OrderBy(l => l.Id).Select(l => $"{l.Id}:{l.UsedAt}:{l.ExpiresAt}").ToList();
        var accounts = (await db.MemberAccounts.ToListAsync(Ct)).OrderBy(a => a.PersonId).Select(a => $"{a.PersonId}:{a.LastSignInAt}").ToList();
        return (string.Join("|", contacts), string.Join("|", memberships), string.Join("|", links), string.Join("|", accounts));
    }
}
