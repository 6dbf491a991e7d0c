using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.SignUp;

// SignUpDigitalMember.cs: a person with only an e-mail address joins a city library as a digital member, in one
// transaction. Today is 2026-11-28 (TestClock). A birth year counts as 31 December of that year (Person.BirthYearOnly),
// so on 2026-11-28 someone born in year Y counts as 2026 - Y - 1 years old: 2013 -> 12, 2012 -> 13, 2011 -> 14, 2010 -> 15.
public class SignUpDigitalMemberTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_Adult_StoresPersonAddressPendingDigitalMembershipCardAccountAndLink_InOneSave()
    {
        using var database = TestDatabase.Create();

        var result = await database.SignedUpAsync(SignUpTestData.Adult());

        Assert.Equal(SignUpKind.NewMember, result.Kind);
        Assert.Equal(1, database.Saves.Count);
        await using var db = database.NewContext();
        var person = await db.People.Include(p => p.ContactPoints).Include(p => p.Memberships).ThenInclude(m => m.Cards)
            .Include(p => p.Memberships).ThenInclude(m => m.MembershipType).SingleAsync(Ct);
        Assert.Equal(result.PersonId, person.Id);
        Assert.True(person.BirthYearOnly);
        Assert.Equal(new DateOnly(1990, 12, 31), person.BirthDate);
        Assert.Equal(("Ingrid", "Hansen", PreferredLanguage.Nb), (person.GivenName, person.FamilyName, person.PreferredLanguage));
        var email = Assert.Single(person.ContactPoints, c => c.Kind == ContactKind.Email);
        Assert.Equal(("ingrid.hansen@example.org", false), (email.Value, email.Verified));
        Assert.Equal("+4741234567", Assert.Single(person.ContactPoints, c => c.Kind == ContactKind.Mobile).Value);

        var membership = Assert.Single(person.Memberships);
        Assert.Equal((database.LibraryA, DefaultMembershipTypes.Codes.Digital, VerificationLevel.None), (membership.LibraryId, membership.MembershipType!.Code, membership.Verification));
        Assert.Equal(MembershipStatus.Pending, database.Rules.Status.Evaluate(membership, membership.MembershipType, person.BirthDate, TestClock.Today));
        Assert.Matches("^[1-9][0-9]{9}$", Assert.Single(membership.Cards).Number); // CardNumbers.Generate

        var account = await db.MemberAccounts.SingleAsync(Ct);
        Assert.Equal((person.Id, FakePasswordHashing.Hashed, (string?)null), (account.PersonId, account.PasswordHash, account.PinHash));

        var link = await db.MemberLinks.SingleAsync(Ct);
        Assert.Equal((MemberLinkPurpose.ConfirmEmail, person.Id, (Guid?)membership.Id, "ingrid.hansen@example.org"), (link.Purpose, link.PersonId, link.MembershipId, link.SentTo));
        Assert.Equal(TestClock.Now.AddHours(48), link.ExpiresAt);
        Assert.Null(link.UsedAt);
        // Only the hash is stored; the token is in the result (for the mail) and nowhere in the database.
        Assert.Equal(MemberLinkTokens.HashOf(result.Confirmation!.Token), link.TokenHash);
        Assert.NotEqual(result.Confirmation.Token, link.TokenHash);
        Assert.Null(result.GuardianApproval);
    }

    [Fact]
    public async Task Run_Adult_NeitherPasswordNorTokenIsStoredAnywhere()
    {
        using var database = TestDatabase.Create();
        var result = await database.SignedUpAsync(SignUpTestData.Adult());

        foreach (var secret in new[] { SignUpTestData.Password, result.Confirmation!.Token })
        {
            await using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM MemberAccounts WHERE PasswordHash LIKE $s OR PinHash LIKE $s;";
            command.Parameters.AddWithValue("$s", $"%{secret}%");
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync(Ct))!);
            command.CommandText = "SELECT COUNT(*) FROM MemberLinks WHERE TokenHash LIKE $s;";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync(Ct))!);
        }
    }

    [Theory]
    [InlineData("2013", 12)]
    [InlineData("2014", 11)]
    public async Task Run_Under13_IsRefusedAsTooYoung_AndStoresNothing(string birthYear, int age)
    {
        using var database = TestDatabase.Create();
        Assert.Equal(age, Ages.YearsBetween(new DateOnly(int.Parse(birthYear, System.Globalization.CultureInfo.InvariantCulture), 12, 31), TestClock.Today));

        var outcome = await database.SignUpAsync(SignUpTestData.Adult() with { BirthYear = birthYear, GuardianEmail = "mor@example.org" });

        ErrorAssert.Exactly(outcome.Errors, "BirthYear", SignUpErrors.TooYoung);
        Assert.Equal((0, 0, 0, 0, 0, 0), await database.CountAsync());
    }

    [Theory]
    [InlineData("2012")] // 13
    [InlineData("2011")] // 14
    public async Task Run_13And14_WithoutGuardianAddress_AsksForIt_AndStoresNothing(string birthYear)
    {
        using var database = TestDatabase.Create();

        var outcome = await database.SignUpAsync(SignUpTestData.Adult() with { BirthYear = birthYear });

        ErrorAssert.Exactly(outcome.Errors, "GuardianEmail", SignUpErrors.GuardianEmailRequired);
        Assert.Equal((0, 0, 0, 0, 0, 0), await database.CountAsync());
    }

    [Fact]
    public async Task Run_13WithOtherMistakes_IsAskedForTheGuardianInTheSameRound()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.SignUpAsync(SignUpTestData.Adult() with { BirthYear = "2012", GivenName = "", Password = "" });

        ErrorAssert.Has(outcome.Errors, "GivenName", "required");
        ErrorAssert.Has(outcome.Errors, "Password", "required");
        ErrorAssert.Exactly(outcome.Errors, "GuardianEmail", SignUpErrors.GuardianEmailRequired);
    }

    [Theory]
    [InlineData("2012")] // 13
    [InlineData("2011")] // 14
    public async Task Run_13And14_WithGuardianAddress_JoinPending_AndAGuardianApprovalLinkIsMade(string birthYear)
    {
        using var database = TestDatabase.Create();

        var result = await database.SignedUpAsync(SignUpTestData.Adult() with { BirthYear = birthYear, GuardianEmail = " Mor.Hansen@Example.org " });

        Assert.True(result.WaitsForGuardian);
        Assert.Equal("mor.hansen@example.org", result.GuardianApproval!.SentTo);
        await using var db = database.NewContext();
        var links = await db.MemberLinks.ToListAsync(Ct);
        var approval = Assert.Single(links, l => l.Purpose == MemberLinkPurpose.GuardianApproval);
        Assert.Equal(("mor.hansen@example.org", result.MembershipId, MemberLinkTokens.HashOf(result.GuardianApproval.Token)), (approval.SentTo, approval.MembershipId, approval.TokenHash));
        Assert.Equal(TestClock.Now.AddDays(7), approval.ExpiresAt);
        Assert.Single(links, l => l.Purpose == MemberLinkPurpose.ConfirmEmail);
        // The guardian is not registered as a person: only the address the link went to is kept.
        Assert.Equal(1, await db.People.CountAsync(Ct));
        Assert.Equal(0, await db.Guardianships.CountAsync(Ct));
    }

    [Fact]
    public async Task Run_15_JoinsAlone_AndAGivenGuardianAddressIsIgnored()
    {
        using var database = TestDatabase.Create();

        var result = await database.SignedUpAsync(SignUpTestData.Adult() with { BirthYear = "2010", GuardianEmail = "mor@example.org" });

        Assert.False(result.WaitsForGuardian);
        Assert.Null(result.GuardianApproval);
        await using var db = database.NewContext();
        Assert.DoesNotContain(await db.MemberLinks.ToListAsync(Ct), l => l.Purpose == MemberLinkPurpose.GuardianApproval || l.SentTo == "mor@example.org");
    }

    [Fact]
    public async Task Run_GuardianAddressSameAsOwn_IsRefused()
    {
        using var database = TestDatabase.Create();

        var outcome = await database.SignUpAsync(SignUpTestData.Adult() with { BirthYear = "2012", GuardianEmail = "INGRID.hansen@example.org" });

        ErrorAssert.Exactly(outcome.Errors, "GuardianEmail", SignUpErrors.GuardianEmailSame);
        Assert.Equal((0, 0, 0, 0, 0, 0), await database.CountAsync());
    }

    [Fact]
    public async Task Run_AddressConfirmedForAMemberOfTheLibrary_MakesNoNewPerson_AndNamesTheExistingMember()
    {
        using var database = TestDatabase.Create();
        var existing = await database.SignedUpAsync(SignUpTestData.Adult());
        await VerifyEmailAsync(database, existing.PersonId);
        var before = await database.CountAsync();
        var hashing = new FakePasswordHashing();

        var outcome = await database.SignUpAsync(SignUpTestData.Adult(email: " Ingrid.Hansen@example.org") with { GivenName = "Other" }, hashing);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        Assert.Equal((SignUpKind.AlreadyMember, existing.PersonId, "Ingrid"), (outcome.Value!.Kind, outcome.Value.PersonId, outcome.Value.GivenName));
        Assert.Null(outcome.Value.Confirmation);
        Assert.Equal(before, await database.CountAsync());
        // The password was still hashed, so this answer takes as long as a new member's.
        Assert.Equal(1, hashing.Hashes);
    }

    [Fact]
    public async Task Run_AddressConfirmedOnlyInAnotherLibrary_OrUnconfirmedInThisOne_MakesANewMember()
    {
        using var database = TestDatabase.Create();
        var inSandnes = await database.SignedUpAsync(SignUpTestData.Adult(library: "sandnes"));
        await VerifyEmailAsync(database, inSandnes.PersonId);
        var pending = await database.SignedUpAsync(SignUpTestData.Adult());

        var again = await database.SignedUpAsync(SignUpTestData.Adult());

        Assert.Equal(SignUpKind.NewMember, pending.Kind);
        Assert.Equal(SignUpKind.NewMember, again.Kind);
        Assert.Equal(3, (await database.CountAsync()).People);
    }

    public static TheoryData<string, SignUpInput, string, string> InvalidInputs => new()
    {
        { "empty given name", SignUpTestData.Adult() with { GivenName = " " }, "GivenName", "required" },
        { "digits in a name", SignUpTestData.Adult() with { FamilyName = "Hansen2" }, "FamilyName", "name-characters" },
        { "no e-mail", SignUpTestData.Adult() with { Email = null }, "Email", "required" },
        { "not an e-mail", SignUpTestData.Adult() with { Email = "ingrid.example.org" }, "Email", "email.invalid" },
        { "no birth year", SignUpTestData.Adult() with { BirthYear = "" }, "BirthYear", "required" },
        { "two-digit year", SignUpTestData.Adult() with { BirthYear = "90" }, "BirthYear", SignUpErrors.BirthYearInvalid },
        { "letters in year", SignUpTestData.Adult() with { BirthYear = "19x0" }, "BirthYear", SignUpErrors.BirthYearInvalid },
        { "future year", SignUpTestData.Adult() with { BirthYear = "2027" }, "BirthYear", SignUpErrors.BirthYearInvalid },
        { "over 125", SignUpTestData.Adult() with { BirthYear = "1900" }, "BirthYear", SignUpErrors.BirthYearInvalid },
        { "no library", SignUpTestData.Adult() with { LibraryCode = null }, "LibraryCode", "required" },
        { "unknown library", SignUpTestData.Adult() with { LibraryCode = "oslo" }, "LibraryCode", SignUpErrors.LibraryUnknown },
        { "bad mobile", SignUpTestData.Adult() with { Mobile = "12345678" }, "Mobile", "mobile.invalid" },
        { "no password", SignUpTestData.Adult() with { Password = "" }, "Password", "required" },
        { "short password", SignUpTestData.Adult() with { Password = "kort" }, "Password", "member.password.rule" },
        { "unknown language", SignUpTestData.Adult() with { PreferredLanguage = (PreferredLanguage)9 }, "PreferredLanguage", "language.unknown" },
        { "bad guardian address", SignUpTestData.Adult() with { BirthYear = "2012", GuardianEmail = "mor@" }, "GuardianEmail", "email.invalid" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Run_InvalidInput_IsRefusedWithItsCode_AndNoRowIsWritten(string why, SignUpInput input, string field, string code)
    {
        using var database = TestDatabase.Create();
        var before = await database.CountAsync();

        var outcome = await database.SignUpAsync(input);

        Assert.False(outcome.Succeeded, why);
        ErrorAssert.Has(outcome.Errors, field, code);
        Assert.True(SignUpErrors.All.Contains(code), $"{code} is missing from SignUpErrors.All, so the web test would not check its text.");
        Assert.Equal(before, await database.CountAsync());
        Assert.Equal(0, database.Saves.Count);
    }

    [Fact]
    public async Task Run_SchoolLibrary_IsRefused_AndSoIsALibraryWithoutAnActiveDigitalType()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            var school = TestDatabase.NewLibrary("hundvaag-skole", "Hundvåg skolebibliotek", "974600951", "Stavanger");
            school.Kind = LibraryKind.School;
            school.ParentLibraryId = database.LibraryA;
            db.Libraries.Add(school);
            var digital = await db.MembershipTypes.SingleAsync(t => t.LibraryId == database.LibraryB && t.Code == DefaultMembershipTypes.Codes.Digital, Ct);
            digital.Active = false;
            await db.SaveChangesAsync(Ct);
        }

        var atSchool = await database.SignUpAsync(SignUpTestData.Adult(library: "hundvaag-skole"));
        var inSandnes = await database.SignUpAsync(SignUpTestData.Adult(library: "sandnes"));

        ErrorAssert.Exactly(atSchool.Errors, "LibraryCode", SignUpErrors.LibrarySchool);
        ErrorAssert.Exactly(inSandnes.Errors, "LibraryCode", SignUpErrors.LibraryNoDigital);
        Assert.Equal((0, 0, 0, 0, 0, 0), await database.CountAsync());
    }

    internal static async Task VerifyEmailAsync(TestDatabase database, Guid personId)
    {
        await using var db = database.NewContext();
        var email = await db.ContactPoints.SingleAsync(c => c.PersonId == personId && c.Kind == ContactKind.Email, Ct);
        email.Verified = true;
        await db.SaveChangesAsync(Ct);
    }
}
