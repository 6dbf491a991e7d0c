using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.TestSupport;

/// <summary>
/// Inputs and shortcuts for registering people in a <see cref="TestDatabase"/>. National identity numbers are
/// Skatteetaten's synthetic ones (month + 80), hand-checked in Members/NationalIdentityNumberTests.cs, so no test
/// holds a number that could belong to a real person; <see cref="TestDatabase.Rules"/> allows them.
/// </summary>
internal static class TestMembers
{
    /// <summary>Tenor example: 12 October 1952, fødselsnummer (NationalIdentityNumberTests, [Tenor]).</summary>
    public const string SyntheticNin1952 = "12905299938";

    public static readonly DateOnly SyntheticNin1952BirthDate = new(1952, 10, 12);

    public static RegisterMemberInput Adult(
        string given = "Kari", string family = "Nordmann", DateOnly? birthDate = null, string type = DefaultMembershipTypes.Codes.Borrower) =>
        new()
        {
            Details = new MemberDetailsInput { GivenName = given, FamilyName = family, BirthDate = birthDate ?? new DateOnly(1990, 1, 1) },
            MembershipTypeCode = type,
            Verification = VerificationLevel.IdentityCheckedAtDesk,
        };

    /// <summary>A child of 10 on <see cref="TestClock.Today"/> (born 2016-05-01), type BARN, no guardian yet.</summary>
    public static RegisterMemberInput Child(string given = "Ola", string family = "Nordmann") =>
        new()
        {
            Details = new MemberDetailsInput { GivenName = given, FamilyName = family, BirthDate = new DateOnly(2016, 5, 1) },
            MembershipTypeCode = DefaultMembershipTypes.Codes.Child,
            Verification = VerificationLevel.IdentityCheckedAtDesk,
        };

    public static async Task<Outcome<Person>> RegisterAsync(this TestDatabase database, int libraryId, RegisterMemberInput input)
    {
        await using var db = database.NewContext();
        return await new RegisterMember(db, database.Rules, database.Clock).RunAsync(libraryId, input, TestContext.Current.CancellationToken);
    }

    /// <summary>Registers and asserts success; returns the new person's id and membership id.</summary>
    public static async Task<(Guid PersonId, Guid MembershipId)> RegisteredAsync(this TestDatabase database, int libraryId, RegisterMemberInput input)
    {
        var outcome = await database.RegisterAsync(libraryId, input);
        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        var person = outcome.Value!;
        return (person.Id, person.Memberships.Single().Id);
    }

    /// <summary>
    /// Gives an existing person a membership of another library directly in the database (registration always
    /// creates a new person), with one active card.
    /// </summary>
    public static async Task<Guid> AddMembershipAsync(
        this TestDatabase database, Guid personId, int libraryId, string cardNumber, string type = DefaultMembershipTypes.Codes.Borrower)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        var typeId = await db.MembershipTypes.Where(t => t.LibraryId == libraryId && t.Code == type).Select(t => t.Id).SingleAsync(ct);
        var membership = new Membership
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            LibraryId = libraryId,
            MembershipTypeId = typeId,
            Pseudonym = Guid.NewGuid(),
            ValidFrom = new DateOnly(2024, 1, 1),
            Verification = VerificationLevel.IdentityCheckedAtDesk,
            CreatedAt = TestClock.Now,
            UpdatedAt = TestClock.Now,
        };
        membership.Cards.Add(new LibraryCard { LibraryId = libraryId, Number = cardNumber, IssuedOn = membership.ValidFrom });
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return membership.Id;
    }
}
