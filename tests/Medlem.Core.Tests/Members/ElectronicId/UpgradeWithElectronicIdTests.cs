using Medlem.Core.Members;
using Medlem.Core.Members.ElectronicId;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.ElectronicId;

// The upgrade and the sign-in on a real (SQLite) register: the number is found although it is
// stored encrypted, the subject is linked, and a refusal saves nothing.
public class UpgradeWithElectronicIdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElectronicIdentity Identity(string number, string subject = "subject-1") =>
        ElectronicIdentity.Read(number, new string(subject[^1], 64), allowSynthetic: true).Identity!;

    private static RegisterMemberInput Adult1952(string given = "Kari", string? number = null) => TestMembers.Adult(given, birthDate: TestMembers.SyntheticNin1952BirthDate) with
    {
        Details = new MemberDetailsInput { GivenName = given, FamilyName = "Nordmann", BirthDate = TestMembers.SyntheticNin1952BirthDate, NationalIdentityNumber = number },
    };

    [Fact]
    public async Task Upgrade_StoresTheNumber_VerifiesTheMembership_AndLinksTheSubject_InOneSave()
    {
        using var database = TestDatabase.Create();
        var (personId, membershipId) = await database.RegisteredAsync(database.LibraryA, Adult1952());
        database.Saves.Reset();

        await using (var db = database.NewContext())
        {
            Assert.Null(await new UpgradeWithElectronicId(db, database.Clock).RunAsync(personId, Identity(TestMembers.SyntheticNin1952), Ct));
        }

        Assert.Equal(1, database.Saves.Count);
        await using var check = database.NewContext();
        Assert.Equal(TestMembers.SyntheticNin1952, (await check.People.SingleAsync(p => p.Id == personId, Ct)).NationalIdentityNumber);
        Assert.Equal(VerificationLevel.ElectronicId, (await check.Memberships.SingleAsync(m => m.Id == membershipId, Ct)).Verification);
        Assert.Equal(new string('1', 64), (await check.MemberAccounts.SingleAsync(a => a.PersonId == personId, Ct)).ElectronicIdSubject);
    }

    [Fact]
    public async Task Upgrade_OfADigitalMember_MakesTheMembershipABorrowers_ButLeavesOtherTypes()
    {
        using var database = TestDatabase.Create();
        var digital = Adult1952() with { MembershipTypeCode = DefaultMembershipTypes.Codes.Digital, Verification = VerificationLevel.EmailVerified };
        var (personId, membershipId) = await database.RegisteredAsync(database.LibraryA, digital);
        var (_, student) = await database.RegisteredAsync(database.LibraryA, Adult1952("Per") with { MembershipTypeCode = DefaultMembershipTypes.Codes.Student });

        await using (var db = database.NewContext())
        {
            Assert.Null(await new UpgradeWithElectronicId(db, database.Clock).RunAsync(personId, Identity(TestMembers.SyntheticNin1952), Ct));
        }

        await using var check = database.NewContext();
        Assert.Equal(DefaultMembershipTypes.Codes.Borrower, await check.Memberships.Where(m => m.Id == membershipId).Select(m => m.MembershipType!.Code).SingleAsync(Ct));
        Assert.Equal(DefaultMembershipTypes.Codes.Student, await check.Memberships.Where(m => m.Id == student).Select(m => m.MembershipType!.Code).SingleAsync(Ct));
    }

    [Fact]
    public async Task Upgrade_WithTheNumberOfAnotherPerson_SavesNothing()
    {
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, Adult1952("Ola", TestMembers.SyntheticNin1952));
        var (kari, _) = await database.RegisteredAsync(database.LibraryA, Adult1952());
        database.Saves.Reset();

        await using var db = database.NewContext();
        var refusal = await new UpgradeWithElectronicId(db, database.Clock).RunAsync(kari, Identity(TestMembers.SyntheticNin1952), Ct);

        Assert.Equal(ElectronicIdRefusal.NumberOnAnotherPerson, refusal);
        Assert.Equal(0, database.Saves.Count);
    }

    [Fact]
    public async Task Upgrade_WithAnElectronicIdLinkedToAnotherPerson_SavesNothing()
    {
        using var database = TestDatabase.Create();
        var (ola, _) = await database.RegisteredAsync(database.LibraryA, Adult1952("Ola"));
        var (kari, _) = await database.RegisteredAsync(database.LibraryA, Adult1952());
        await using (var db = database.NewContext())
        {
            db.MemberAccounts.Add(new Core.Members.Accounts.MemberAccount { PersonId = ola, ElectronicIdSubject = new string('1', 64) });
            await db.SaveChangesAsync(Ct);
        }

        database.Saves.Reset();
        await using var upgrade = database.NewContext();
        Assert.Equal(ElectronicIdRefusal.SubjectOnAnotherPerson, await new UpgradeWithElectronicId(upgrade, database.Clock).RunAsync(kari, Identity(TestMembers.SyntheticNin1952), Ct));
        Assert.Equal(0, database.Saves.Count);
    }

    [Fact]
    public async Task SignIn_FindsTheHolderOfTheEncryptedNumber_ThenByTheLinkedSubject()
    {
        using var database = TestDatabase.Create();
        var (ola, _) = await database.RegisteredAsync(database.LibraryA, Adult1952("Ola", TestMembers.SyntheticNin1952));

        await using (var db = database.NewContext())
        {
            var first = await new SignInWithElectronicId(db, database.Clock).RunAsync(Identity(TestMembers.SyntheticNin1952), Ct);
            Assert.Equal((ola, "Ola", true, false), (first.Person!.PersonId, first.Person.GivenName, first.Person.HasMembership, first.Person.IsGuardian));
        }

        await using var check = database.NewContext();
        Assert.Equal(ola, await NumberHolders.BySubjectAsync(check, new string('1', 64), Ct));
    }

    [Fact]
    public async Task SignIn_WithANumberNobodyHolds_FindsNobody_AndCreatesNobody()
    {
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, Adult1952());
        var rows = database.CountRows();

        await using var db = database.NewContext();
        var result = await new SignInWithElectronicId(db, database.Clock).RunAsync(Identity(TestMembers.SyntheticNin1952), Ct);

        Assert.True(result.Unknown);
        Assert.Equal(rows, database.CountRows());
    }

    [Fact]
    public async Task SubjectHashes_AreKeyed_StableForOneIssuerAndSubject_AndDifferAcrossIssuers()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();
        var subjects = new ElectronicIdSubjects(db, database.Clock);

        var a = await subjects.HashAsync("https://idporten.no", "abc", Ct);
        Assert.Equal(a, await subjects.HashAsync("https://idporten.no", "abc", Ct));
        Assert.NotEqual(a, await subjects.HashAsync("https://other.example", "abc", Ct));
        Assert.Matches("^[0-9a-f]{64}$", a);

        // Without the register's secret the hash cannot be recomputed from the subject.
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("https://idporten.no\nabc"u8)), a);
        Assert.Equal(1, await db.StatisticsKeys.CountAsync(k => k.Purpose == ElectronicIdSubjects.KeyPurpose, Ct));
    }
}
