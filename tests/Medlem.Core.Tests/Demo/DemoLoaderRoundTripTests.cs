using Medlem.Core.Demo;
using Medlem.Core.Members;
using Medlem.Core.Tests.Demo.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Demo;

/// <summary>
/// The loader writes people, memberships and cards with its own prepared INSERTs, not through
/// SaveChanges. These tests read every row back through EF and query by value, so a column in a
/// format EF would not write (a Guid as a blob, a date in another format, an enum as text) fails.
/// </summary>
public sealed class DemoLoaderRoundTripTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly DemoData Small = DemoGenerator.Generate(0.01, 12, Today);

    [Fact]
    public async Task Loaded_people_are_found_by_the_desk_search_in_any_letter_case()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await LoadedAsync(ct);
        await using var db = register.NewContext();
        var membership = Small.Memberships.FirstOrDefault(m => Small.People.Single(p => p.Id == m.PersonId).FamilyName.Any(c => c is 'æ' or 'ø' or 'å' or 'Æ' or 'Ø' or 'Å'))
            ?? Small.Memberships[0];
        var person = Small.People.Single(p => p.Id == membership.PersonId);
        var libraryId = await db.Libraries.Where(l => l.Code == membership.LibraryCode).Select(l => l.Id).SingleAsync(ct);

        var hits = await new FindMembers(db).RunAsync(libraryId, person.FamilyName.ToUpperInvariant(), ct);

        Assert.Contains(hits, h => h.PersonId == person.Id);
    }

    [Fact]
    public async Task People_and_contact_points_read_back_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await LoadedAsync(ct);
        await using var db = register.NewContext();
        var loaded = await db.People.Include(p => p.ContactPoints).AsNoTracking().ToDictionaryAsync(p => p.Id, ct);

        Assert.Equal(Small.People.Count, loaded.Count);
        Assert.All(Small.People, source =>
        {
            var person = loaded[source.Id];
            Assert.Equal((source.GivenName, source.FamilyName, source.BirthDate), (person.GivenName, person.FamilyName, person.BirthDate));
            Assert.Equal(source.NationalIdentityNumber, person.NationalIdentityNumber);
            Assert.Equal(source.PreferredLanguage, person.PreferredLanguage);
            Assert.Equal(source.CreatedAt, person.CreatedAt);
            Assert.Equal(source.Address?.Street, person.Address?.Street);
            Assert.Equal(source.Address?.PostalCode, person.Address?.PostalCode);
            Assert.Equal(source.Address?.City, person.Address?.City);
            Assert.Equal(
                source.ContactPoints.Select(c => (c.Kind, c.Value, c.Verified, c.VerifiedAt)).Order(),
                person.ContactPoints.Select(c => (c.Kind, c.Value, c.Verified, c.VerifiedAt)).Order());
        });
    }

    [Fact]
    public async Task Memberships_and_cards_read_back_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await LoadedAsync(ct);
        await using var db = register.NewContext();
        var loaded = await db.Memberships.Include(m => m.MembershipType).Include(m => m.Cards).AsNoTracking().ToDictionaryAsync(m => m.Id, ct);

        Assert.All(Small.Memberships, source =>
        {
            var m = loaded[source.Id];
            Assert.Equal(source.PersonId, m.PersonId);
            Assert.Equal(source.TypeCode, m.MembershipType!.Code);
            Assert.Equal(source.Pseudonym, m.Pseudonym);
            Assert.Equal((source.ValidFrom, source.ValidTo, source.Verification), (m.ValidFrom, m.ValidTo, m.Verification));
            Assert.Equal((source.VerifiedAt, source.GuardianApprovedAt, source.ApprovedByGuardianId), (m.VerifiedAt, m.GuardianApprovedAt, m.ApprovedByGuardianId));
            Assert.Equal((source.BlockedAt, source.BlockReason, source.OnUserPanel), (m.BlockedAt, m.BlockReason, m.OnUserPanel));
            Assert.Equal((source.LastUsedOn, source.LoansLast12Months, (DateOnly?)source.ActivityAsOf), (m.LastUsedOn, m.LoansLast12Months, m.ActivityAsOf));
            Assert.Equal(source.CreatedAt, m.CreatedAt);
            Assert.Equal(
                Small.Cards.Where(c => c.MembershipId == source.Id).Select(c => (c.Number, c.Status, c.IssuedOn, c.StatusChangedAt)).Order(),
                m.Cards.Select(c => (c.Number, c.Status, c.IssuedOn, c.StatusChangedAt)).Order());
        });
    }

    [Fact]
    public async Task Queries_by_value_find_the_bulk_written_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await LoadedAsync(ct);
        await using var db = register.NewContext();
        var periodStart = DemoCalibration.PeriodStart(Today);
        var someone = Small.Memberships[Small.Memberships.Count / 2];
        var card = Small.Cards[Small.Cards.Count / 3];

        Assert.Equal(someone.Id, (await db.Memberships.SingleAsync(m => m.Pseudonym == someone.Pseudonym, ct)).Id);
        Assert.Equal(someone.PersonId, (await db.People.SingleAsync(p => p.Id == someone.PersonId, ct)).Id);
        Assert.Equal(card.MembershipId, (await db.Cards.SingleAsync(c => c.Number == card.Number && c.Status == card.Status, ct)).MembershipId);
        Assert.Equal(
            Small.Memberships.Count(m => m.LastUsedOn >= periodStart && m.ValidFrom <= Today),
            await db.Memberships.CountAsync(m => m.LastUsedOn >= periodStart && m.ValidFrom <= Today, ct));
        Assert.Equal(
            Small.People.Count(p => p.PreferredLanguage == PreferredLanguage.Nn),
            await db.People.CountAsync(p => p.PreferredLanguage == PreferredLanguage.Nn, ct));
        Assert.Equal(
            Small.Memberships.Count(m => m.Verification >= VerificationLevel.IdentityCheckedAtDesk),
            await db.Memberships.CountAsync(m => m.Verification >= VerificationLevel.IdentityCheckedAtDesk, ct));
        Assert.Equal(
            Small.People.Count(p => p.Address is null),
            await db.People.CountAsync(p => p.Address == null, ct));
        Assert.Equal(
            Small.Guardianships.Count(g => g.GuardianId == Small.Guardianships[0].GuardianId),
            await db.Guardianships.CountAsync(g => g.GuardianId == Small.Guardianships[0].GuardianId, ct));
    }

    private static async Task<SqliteRegister> LoadedAsync(CancellationToken ct)
    {
        var register = await SqliteRegister.CreateAsync();
        await using var db = register.NewContext();
        await DemoLoader.LoadAsync(db, Small, p => "hash", ct);
        return register;
    }
}
