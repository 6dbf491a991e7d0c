using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.SignUp;

/// <summary>
/// A stand-in for the web host's password hashing (ASP.NET Core Identity, tested in the web tests):
/// the same rule as MemberCredentials (at least ten characters), and a "hash" that holds nothing of
/// the password, so a test can search the database for the password and find nothing.
/// </summary>
internal sealed class FakePasswordHashing : IMemberPasswordHashing
{
    public const string Hashed = "fake-identity-hash";

    public int Hashes { get; private set; }

    public string? RuleBrokenBy(string password) => password.Length < 10 ? "member.password.rule" : null;

    public string Hash(MemberAccount account, string password)
    {
        Hashes++;
        return Hashed;
    }
}

/// <summary>Sign-up inputs and shortcuts. Today is 2026-11-28 (TestClock); a birth year counts as 31 December.</summary>
internal static class SignUpTestData
{
    public const string Password = "Et-langt-passord-2026";

    public static SignUpInput Adult(string email = "ingrid.hansen@example.org", string library = "stavanger") => new()
    {
        GivenName = "Ingrid",
        FamilyName = "Hansen",
        Email = email,
        BirthYear = "1990",
        LibraryCode = library,
        Mobile = "412 34 567",
        PreferredLanguage = PreferredLanguage.Nb,
        Password = Password,
    };

    public static async Task<Outcome<SignUpResult>> SignUpAsync(this TestDatabase database, SignUpInput input, FakePasswordHashing? hashing = null)
    {
        await using var db = database.NewContext();
        return await new SignUpDigitalMember(db, database.Rules, database.Clock, hashing ?? new FakePasswordHashing())
            .RunAsync(input, TestContext.Current.CancellationToken);
    }

    public static async Task<SignUpResult> SignedUpAsync(this TestDatabase database, SignUpInput input)
    {
        var outcome = await database.SignUpAsync(input);
        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        return outcome.Value!;
    }

    /// <summary>Rows of everything a sign-up writes, to show that a refused one wrote nothing.</summary>
    public static async Task<(int People, int Memberships, int Cards, int Contacts, int Accounts, int Links)> CountAsync(this TestDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        return (await db.People.CountAsync(ct), await db.Memberships.CountAsync(ct), await db.Cards.CountAsync(ct),
            await db.ContactPoints.CountAsync(ct), await db.MemberAccounts.CountAsync(ct), await db.MemberLinks.CountAsync(ct));
    }
}
