using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Consortium;

// ConsortiumCommands.cs: an administrator's changes to their own library; a city (public) library may create a
// school library under it, which starts with the default membership types.
public class ConsortiumCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Valid details; 974760673 passes the mod-11 rule (see OrganisationNumberTests).</summary>
    private static readonly LibraryInput SchoolInput = new(
        "Kampen skole bibliotek", "974760673", "Stavanger", "Personvern Ombud", "personvernombud@kampen.example", 5);

    private static readonly MembershipTypeInput Senior = new()
    {
        Code = "senior", NameNb = "Senior", NameEn = "Senior", MinAge = 67, RequiredVerification = VerificationLevel.IdentityCheckedAtDesk,
        Benefits = MembershipBenefits.PhysicalLoans,
    };

    [Fact]
    public async Task SaveMembershipType_NewCode_IsSavedUpperCased()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();

        var outcome = await new ConsortiumCommands(db).SaveMembershipTypeAsync(database.LibraryA, null, Senior, Ct);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        Assert.Equal("SENIOR", outcome.Value!.Code);
        Assert.Equal(database.LibraryA, outcome.Value.LibraryId);
    }

    [Theory]
    [InlineData("VOKSEN")]
    [InlineData(" voksen ")] // cleaned and upper-cased before the comparison
    public async Task SaveMembershipType_CodeTakenInTheLibrary_IsCodeDuplicate(string code)
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();

        var outcome = await new ConsortiumCommands(db).SaveMembershipTypeAsync(database.LibraryA, null, Senior with { Code = code }, Ct);

        ErrorAssert.Exactly(outcome.Errors, "Code", "code.duplicate");
    }

    [Fact]
    public async Task SaveMembershipType_SameCodeInAnotherLibrary_IsAccepted()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            Assert.True((await new ConsortiumCommands(db).SaveMembershipTypeAsync(database.LibraryB, null, Senior, Ct)).Succeeded);
        }

        await using var db2 = database.NewContext();
        var outcome = await new ConsortiumCommands(db2).SaveMembershipTypeAsync(database.LibraryA, null, Senior, Ct);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
    }

    [Fact]
    public async Task SaveMembershipType_EditingItselfWithTheSameCode_IsNotADuplicate()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();
        var voksen = await db.MembershipTypes.SingleAsync(t => t.LibraryId == database.LibraryA && t.Code == "VOKSEN", Ct);

        var outcome = await new ConsortiumCommands(db).SaveMembershipTypeAsync(
            database.LibraryA, voksen.Id, Senior with { Code = "VOKSEN", NameNb = "Voksen", MinAge = 18 }, Ct);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
    }

    [Fact]
    public async Task SaveMembershipType_MaxAgeBelowMinAge_IsAgeRange()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();

        var outcome = await new ConsortiumCommands(db).SaveMembershipTypeAsync(
            database.LibraryA, null, Senior with { MinAge = 20, MaxAge = 19 }, Ct);

        ErrorAssert.Exactly(outcome.Errors, "MaxAge", "age.range");
        Assert.Equal(7, await db.MembershipTypes.CountAsync(t => t.LibraryId == database.LibraryA, Ct)); // the 7 defaults only
    }

    [Fact]
    public async Task SaveMembershipType_MaxAgeEqualToMinAge_IsAccepted()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();

        var outcome = await new ConsortiumCommands(db).SaveMembershipTypeAsync(
            database.LibraryA, null, Senior with { MinAge = 16, MaxAge = 16 }, Ct);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
    }

    [Fact]
    public async Task SaveMembershipType_TypeOfTheOtherLibrary_IsNotFound()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();
        var typeOfB = await db.MembershipTypes.Where(t => t.LibraryId == database.LibraryB).Select(t => t.Id).FirstAsync(Ct);

        var outcome = await new ConsortiumCommands(db).SaveMembershipTypeAsync(database.LibraryA, typeOfB, Senior, Ct);

        Assert.True(outcome.NotFound);
    }

    [Fact]
    public async Task CreateSchoolLibrary_FromAPublicLibrary_CreatesItWithTheDefaultTypes()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            var outcome = await new ConsortiumCommands(db).CreateSchoolLibraryAsync(database.LibraryA, " Kampen ", SchoolInput, Ct);
            Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        }

        await using var check = database.NewContext();
        var school = await check.Libraries.SingleAsync(l => l.Code == "kampen", Ct); // code trimmed and lower-cased
        Assert.Equal(LibraryKind.School, school.Kind);
        Assert.Equal(database.LibraryA, school.ParentLibraryId);
        Assert.Equal("974760673", school.OrganisationNumber);
        var codes = await check.MembershipTypes.Where(t => t.LibraryId == school.Id).Select(t => t.Code).OrderBy(c => c).ToListAsync(Ct);
        Assert.Equal(DefaultMembershipTypes.For(school.Id).Select(t => t.Code).Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task CreateSchoolLibrary_FromASchoolLibrary_IsLibraryNotPublic()
    {
        using var database = TestDatabase.Create();
        int schoolId;
        await using (var db = database.NewContext())
        {
            var school = await new ConsortiumCommands(db).CreateSchoolLibraryAsync(database.LibraryA, "kampen", SchoolInput, Ct);
            schoolId = school.Value!.Id;
        }

        await using var db2 = database.NewContext();
        var outcome = await new ConsortiumCommands(db2).CreateSchoolLibraryAsync(schoolId, "kampen-2", SchoolInput, Ct);

        ErrorAssert.Exactly(outcome.Errors, "ParentLibraryId", "library.not-public");
        Assert.Equal(3, await db2.Libraries.CountAsync(Ct)); // A, B and the first school
    }

    [Fact]
    public async Task CreateSchoolLibrary_CodeInUse_IsCodeDuplicateAndStoresNothing()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();

        var outcome = await new ConsortiumCommands(db).CreateSchoolLibraryAsync(database.LibraryA, "STAVANGER", SchoolInput, Ct);

        ErrorAssert.Exactly(outcome.Errors, "Code", "code.duplicate");
        Assert.Equal(2, await db.Libraries.CountAsync(Ct));
    }

    [Fact]
    public async Task UpdateLibrary_InvalidOrganisationNumber_IsOrgnoInvalidAndChangesNothing()
    {
        // 974760674: 974760673 with the wrong check digit.
        using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            var outcome = await new ConsortiumCommands(db).UpdateLibraryAsync(
                database.LibraryA, SchoolInput with { OrganisationNumber = "974760674" }, Ct);
            ErrorAssert.Exactly(outcome.Errors, "OrganisationNumber", "orgno.invalid");
        }

        await using var check = database.NewContext();
        var library = await check.Libraries.SingleAsync(l => l.Id == database.LibraryA, Ct);
        Assert.Equal("964965226", library.OrganisationNumber);
        Assert.Equal("Stavanger bibliotek", library.Name);
    }

    [Fact]
    public async Task UpdateLibrary_OrganisationNumberWithSpaces_IsStoredWithout()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.NewContext())
        {
            var outcome = await new ConsortiumCommands(db).UpdateLibraryAsync(
                database.LibraryA, SchoolInput with { Name = "Sølvberget", OrganisationNumber = "974 760 673" }, Ct);
            Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        }

        await using var check = database.NewContext();
        var library = await check.Libraries.SingleAsync(l => l.Id == database.LibraryA, Ct);
        Assert.Equal("974760673", library.OrganisationNumber);
        Assert.Equal("Sølvberget", library.Name);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(101)]
    public async Task UpdateLibrary_ThresholdOutOfRange_IsThresholdRange(int k)
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();

        var outcome = await new ConsortiumCommands(db).UpdateLibraryAsync(database.LibraryA, SchoolInput with { SmallCountThreshold = k }, Ct);

        ErrorAssert.Exactly(outcome.Errors, "SmallCountThreshold", "threshold.range");
    }

    [Fact]
    public async Task UpdateLibrary_UnknownLibrary_IsNotFound()
    {
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();

        Assert.True((await new ConsortiumCommands(db).UpdateLibraryAsync(999, SchoolInput, Ct)).NotFound);
    }
}
