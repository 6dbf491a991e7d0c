using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members;

// UpdateMemberDetails.cs (rectification at the desk) and MemberDetailsApplier.cs: "a stored number is never sent
// back to the form, so an empty field keeps it; the birth date must still agree with it"; verified flags of contact
// points that did not change are kept. The form sends the birth date back (it is shown), so the inputs here do too:
// without a number in the input the validator requires it.
public class UpdateMemberDetailsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly MemberDetailsInput KariWithNumber = new()
    {
        GivenName = "Kari", FamilyName = "Nordmann", NationalIdentityNumber = TestMembers.SyntheticNin1952,
        Email = "kari@example.no", Mobile = "41234567",
    };

    private static async Task<Outcome<Person>> UpdateAsync(TestDatabase database, int libraryId, Guid personId, MemberDetailsInput input)
    {
        await using var db = database.NewContext();
        return await new UpdateMemberDetails(db, database.Rules, database.Clock).RunAsync(libraryId, personId, input, Ct);
    }

    private static async Task<Person> LoadAsync(TestDatabase database, Guid personId)
    {
        await using var db = database.NewContext();
        return await db.People.Include(p => p.ContactPoints).SingleAsync(p => p.Id == personId, Ct);
    }

    [Fact]
    public async Task Run_NumberLeftEmpty_KeepsTheStoredNumber()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { Details = KariWithNumber });

        var outcome = await UpdateAsync(database, database.LibraryA, personId, KariWithNumber with
        {
            FamilyName = "Ødegård", NationalIdentityNumber = null, BirthDate = TestMembers.SyntheticNin1952BirthDate,
        });

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        var person = await LoadAsync(database, personId);
        Assert.Equal("Ødegård", person.FamilyName);
        Assert.Equal("kari ødegård", person.SearchName);
        Assert.Equal(TestMembers.SyntheticNin1952, person.NationalIdentityNumber);
    }

    [Fact]
    public async Task Run_NumberLeftEmptyAndBirthDateDisagreeingWithTheStoredNumber_IsMismatch()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { Details = KariWithNumber });

        var outcome = await UpdateAsync(database, database.LibraryA, personId, KariWithNumber with
        {
            NationalIdentityNumber = null, BirthDate = new DateOnly(1952, 10, 13),
        });

        ErrorAssert.Exactly(outcome.Errors, "BirthDate", "birthdate.nin-mismatch");
        Assert.Equal(TestMembers.SyntheticNin1952BirthDate, (await LoadAsync(database, personId)).BirthDate);
    }

    [Fact]
    public async Task Run_UnchangedEmail_KeepsItsVerifiedFlag_ChangedMobileIsUnverified()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { Details = KariWithNumber });
        await using (var db = database.NewContext())
        {
            foreach (var contact in await db.ContactPoints.Where(c => c.PersonId == personId).ToListAsync(Ct))
            {
                contact.Verified = true;
            }

            await db.SaveChangesAsync(Ct);
        }

        var outcome = await UpdateAsync(database, database.LibraryA, personId, KariWithNumber with
        {
            NationalIdentityNumber = null, BirthDate = TestMembers.SyntheticNin1952BirthDate,
            Email = "KARI@example.no", Mobile = "912 34 567",
        });

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        var contacts = (await LoadAsync(database, personId)).ContactPoints;
        Assert.Equal(2, contacts.Count);
        var email = contacts.Single(c => c.Kind == ContactKind.Email);
        Assert.Equal("kari@example.no", email.Value); // the same address after normalisation
        Assert.True(email.Verified);
        var mobile = contacts.Single(c => c.Kind == ContactKind.Mobile);
        Assert.Equal("+4791234567", mobile.Value);
        Assert.False(mobile.Verified);
    }

    [Fact]
    public async Task Run_EmailRemoved_DeletesTheContactPoint()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult() with { Details = KariWithNumber });

        var outcome = await UpdateAsync(database, database.LibraryA, personId, KariWithNumber with
        {
            NationalIdentityNumber = null, BirthDate = TestMembers.SyntheticNin1952BirthDate, Email = null,
        });

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        Assert.Equal(ContactKind.Mobile, Assert.Single((await LoadAsync(database, personId)).ContactPoints).Kind);
        Assert.Equal(1, database.CountRows().ContactPoints);
    }

    [Fact]
    public async Task Run_PersonOfTheOtherLibrary_IsNotFound()
    {
        using var database = TestDatabase.Create();
        var (personInB, _) = await database.RegisteredAsync(database.LibraryB, TestMembers.Adult());

        var outcome = await UpdateAsync(database, database.LibraryA, personInB, KariWithNumber with { FamilyName = "Hansen" });

        Assert.True(outcome.NotFound);
        Assert.Equal("Nordmann", (await LoadAsync(database, personInB)).FamilyName);
    }

    [Fact]
    public async Task Run_GuardianWhoIsAnotherLibrarysMember_IsCorrectedThereNotHere()
    {
        using var database = TestDatabase.Create();
        var (guardianInB, _) = await database.RegisteredAsync(database.LibraryB, TestMembers.Adult("Gro", "Bergmann"));
        var (parentInA, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Per", "Nordmann"));
        var (child, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Child() with { GuardianIds = [parentInA] });
        var (loneGuardian, _) = await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Liv", "Alene"));
        await using (var db = database.NewContext())
        {
            // The second guardian is a member of B only; the third will be a member of nothing.
            db.Guardianships.Add(new Guardianship { ChildId = child, GuardianId = guardianInB, CreatedAt = database.Clock.GetUtcNow() });
            db.Guardianships.Add(new Guardianship { ChildId = child, GuardianId = loneGuardian, CreatedAt = database.Clock.GetUtcNow() });
            await db.SaveChangesAsync(Ct);
            await db.Memberships.Where(m => m.PersonId == loneGuardian).ExecuteDeleteAsync(Ct);
        }

        var intoB = await UpdateAsync(database, database.LibraryA, guardianInB, KariWithNumber with { GivenName = "Gro", FamilyName = "Endret" });
        var lone = await UpdateAsync(database, database.LibraryA, loneGuardian, new MemberDetailsInput { GivenName = "Liv", FamilyName = "Rettet", BirthDate = new DateOnly(1990, 1, 1) });

        Assert.True(intoB.NotFound);
        Assert.Equal("Bergmann", (await LoadAsync(database, guardianInB)).FamilyName);
        Assert.True(lone.Succeeded, lone.Errors.ToString());
        Assert.Equal("Rettet", (await LoadAsync(database, loneGuardian)).FamilyName);
    }
}
