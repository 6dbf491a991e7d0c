using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Medlem.Web.Features.Member.Guardian;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.Guardian;

/// <summary>Children whose memberships wait for a guardian, their approval links, and guardians already in place.</summary>
public static class GuardianTestData
{
    public const string ParentEmail = "forelder@example.org";

    /// <summary>
    /// A child member of <paramref name="library"/> whose membership waits for a guardian: a digital
    /// member of 13 (born 1 May 2013) by default, as the sign-up makes them; or a child of 10 at the desk.
    /// </summary>
    public static Task<(Guid PersonId, Guid MembershipId)> AddChildAsync(
        MedlemApplication app, Library library, string given, DateOnly? birthDate = null, string type = DefaultMembershipTypes.Codes.Digital) =>
        app.WithDbAsync(async db =>
        {
            var typeId = await db.MembershipTypes.Where(t => t.LibraryId == library.Id && t.Code == type).Select(t => t.Id).SingleAsync();
            var person = new Person
            {
                Id = Guid.NewGuid(), GivenName = given, FamilyName = "Barnesen", BirthDate = birthDate ?? new DateOnly(2013, 5, 1),
                CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
                ContactPoints = [new ContactPoint { Kind = ContactKind.Email, Value = given.ToLowerInvariant() + "@example.org", Verified = true }],
            };
            var membership = new Membership
            {
                Id = Guid.NewGuid(), PersonId = person.Id, LibraryId = library.Id, MembershipTypeId = typeId, Pseudonym = Guid.NewGuid(),
                ValidFrom = new DateOnly(2026, 11, 20), Verification = type == DefaultMembershipTypes.Codes.Digital ? VerificationLevel.EmailVerified : VerificationLevel.IdentityCheckedAtDesk,
                CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
            };
            person.Memberships.Add(membership);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return (person.Id, membership.Id);
        });

    /// <summary>Asks the guardian at <paramref name="email"/> by mail, as the sign-up does.</summary>
    public static async Task RequestApprovalAsync(MedlemApplication app, Guid membershipId, string email = ParentEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RequestGuardianApproval>().RequestAsync(membershipId, email, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
    }

    /// <summary>A link made directly (no mail), for tests that only need the token.</summary>
    public static async Task<string> LinkAsync(MedlemApplication app, Guid membershipId, string email = ParentEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Core.Members.Guardians.GuardianApprovalLinks>().CreateAsync(membershipId, email, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        return outcome.Value!;
    }

    /// <summary>An adult guardian of the child already in the register, with a verified e-mail and a password.</summary>
    public static async Task<Guid> AddGuardianAsync(MedlemApplication app, Guid childId, string given, string email, string password)
    {
        var id = await app.WithDbAsync(async db =>
        {
            var guardian = new Person
            {
                Id = Guid.NewGuid(), GivenName = given, FamilyName = "Foresatt", BirthDate = new DateOnly(1980, 1, 1),
                CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
                ContactPoints = [new ContactPoint { Kind = ContactKind.Email, Value = email, Verified = true }],
            };
            db.People.Add(guardian);
            db.Guardianships.Add(new Guardianship { ChildId = childId, GuardianId = guardian.Id, CreatedAt = MedlemApplication.Now });
            await db.SaveChangesAsync();
            return guardian.Id;
        });
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Features.Member.Login.MemberCredentials>().SetPasswordAsync(id, password, CancellationToken.None);
        return id;
    }

    /// <summary>Signs the guardian in with e-mail and password through /logg-inn.</summary>
    public static async Task<HttpClient> LoginAsync(MedlemApplication app, string email, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await StaffClient.PostFormAsync(client, "/logg-inn?handler=Email", new() { ["Email"] = email, ["Password"] = password }, "/logg-inn");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
