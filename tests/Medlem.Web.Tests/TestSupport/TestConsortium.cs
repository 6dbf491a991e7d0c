using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// Two libraries, Stavanger and Bergen, each with the default membership types, a branch, one
/// staff account per role, and one adult member. Enough to show what one library may and may
/// not see of the other.
/// </summary>
public sealed class TestConsortium
{
    public const string Password = "Test-passord-2026!";

    /// <summary>The PIN of both test members' cards (Kari: STAV0001, Ola: BERG0001).</summary>
    public const string MemberPin = "2468";

    /// <summary>Kari's password for e-mail sign-in (her address is verified).</summary>
    public const string MemberPassword = "Kari-passord-2026";

    public required Library Stavanger { get; init; }
    public required Library Bergen { get; init; }
    public required Person StavangerMember { get; init; }
    public required Person BergenMember { get; init; }
    public required Membership StavangerMembership { get; init; }
    public required Membership BergenMembership { get; init; }

    /// <summary>User name of the staff account of <paramref name="library"/> holding exactly <paramref name="role"/>.</summary>
    public static string UserName(string library, StaffRoles role) => $"{role.ToString().ToLowerInvariant()}.{library}";

    public static async Task<TestConsortium> SeedAsync(MedlemApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffAccount>>();

        var stavanger = Library("stavanger", "Stavanger bibliotek", "964965226", "Stavanger");
        var bergen = Library("bergen", "Bergen offentlige bibliotek", "964338531", "Bergen");
        db.Libraries.AddRange(stavanger, bergen);
        await db.SaveChangesAsync();

        foreach (var library in new[] { stavanger, bergen })
        {
            db.MembershipTypes.AddRange(DefaultMembershipTypes.For(library.Id));
            foreach (var role in Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None))
            {
                var account = new StaffAccount { LibraryId = library.Id, UserName = UserName(library.Code, role), DisplayName = $"{role} {library.Code}", PasswordHash = "", Roles = role };
                account.PasswordHash = hasher.HashPassword(account, Password);
                db.StaffAccounts.Add(account);
            }
        }

        await db.SaveChangesAsync();
        var (kari, kariMembership) = await AddMemberAsync(db, stavanger, "Kari", "Nordmann", new DateOnly(1985, 3, 14), "kari.nordmann@example.org", "41234567", "STAV0001");
        var (ola, olaMembership) = await AddMemberAsync(db, bergen, "Ola", "Bergmann", new DateOnly(1979, 7, 2), "ola.bergmann@example.org", "91234567", "BERG0001");
        var credentials = scope.ServiceProvider.GetRequiredService<Features.Member.Login.MemberCredentials>();
        await credentials.SetPinAsync(kari.Id, MemberPin, CancellationToken.None);
        await credentials.SetPinAsync(ola.Id, MemberPin, CancellationToken.None);
        await credentials.SetPasswordAsync(kari.Id, MemberPassword, CancellationToken.None);
        return new TestConsortium
        {
            Stavanger = stavanger, Bergen = bergen, StavangerMember = kari, BergenMember = ola,
            StavangerMembership = kariMembership, BergenMembership = olaMembership,
        };
    }

    private static Library Library(string code, string name, string orgNo, string municipality) => new()
    {
        Code = code, Name = name, OrganisationNumber = orgNo, Municipality = municipality,
        DataProtectionOfficerName = "Personvern Ombud", DataProtectionOfficerEmail = $"personvern@{code}.example.org",
        Branches = [new Branch { Code = "hoved", Name = $"{municipality} hovedbibliotek", IsMain = true }],
    };

    private static async Task<(Person, Membership)> AddMemberAsync(
        MedlemDbContext db, Library library, string given, string family, DateOnly birth, string email, string mobile, string card)
    {
        var type = db.MembershipTypes.Local.Single(t => t.LibraryId == library.Id && t.Code == DefaultMembershipTypes.Codes.Borrower);
        var person = new Person
        {
            Id = Guid.NewGuid(), GivenName = given, FamilyName = family, BirthDate = birth, CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
            ContactPoints =
            [
                new ContactPoint { Kind = ContactKind.Email, Value = email, Verified = true },
                new ContactPoint { Kind = ContactKind.Mobile, Value = "+47" + mobile },
            ],
        };
        var membership = new Membership
        {
            Id = Guid.NewGuid(), PersonId = person.Id, LibraryId = library.Id, MembershipTypeId = type.Id, Pseudonym = Guid.NewGuid(),
            ValidFrom = new DateOnly(2020, 1, 1), Verification = VerificationLevel.IdentityCheckedAtDesk,
            LastUsedOn = new DateOnly(2026, 10, 1), LoansLast12Months = 12, CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
            Cards = [new LibraryCard { LibraryId = library.Id, Number = card, IssuedOn = new DateOnly(2020, 1, 1) }],
        };
        person.Memberships.Add(membership);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (person, membership);
    }
}
