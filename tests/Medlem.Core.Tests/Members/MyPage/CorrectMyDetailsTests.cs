using Medlem.Core.Members;
using Medlem.Core.Members.MyPage;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

// Issue 6, "My data: correct details" (GDPR art. 16), validated and written as at the desk.
public sealed class CorrectMyDetailsTests : IAsyncLifetime
{
    private MyPageHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await MyPageHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private static MyDetailsInput Kari(string email = "kari.nordmann@example.no", string? mobile = null) => new()
    {
        GivenName = "Kari", FamilyName = "Nordmann-Lie", Street = "Kongsgata 1", PostalCode = "4005", City = "Stavanger",
        Email = email, Mobile = mobile, PreferredLanguage = PreferredLanguage.Nb,
    };

    [Fact]
    public async Task ANewEmailAddress_IsStoredUnverified_AndMustBeConfirmed()
    {
        var outcome = await _h.CorrectDetails().RunAsync(_h.Kari, Kari(email: "  Kari.Ny@Example.NO "), MyPageHarness.Ct);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        Assert.True(outcome.Value!.EmailNeedsConfirmation);
        var person = await PersonAsync(_h.Kari);
        var email = Assert.Single(person.ContactPoints, c => c.Kind == ContactKind.Email);
        Assert.Equal(("kari.ny@example.no", false, (DateTimeOffset?)null), (email.Value, email.Verified, email.VerifiedAt));
        Assert.Equal(("Nordmann-Lie", "Kongsgata 1", TestClock.Now), (person.FamilyName, person.Address!.Street, person.UpdatedAt));
    }

    [Fact]
    public async Task TheSameEmailAddress_StaysVerified_AndTheBirthDateCannotChangeHere()
    {
        var outcome = await _h.CorrectDetails().RunAsync(_h.Kari, Kari(mobile: "41234567"), MyPageHarness.Ct);

        Assert.True(outcome.Succeeded, outcome.Errors.ToString());
        Assert.False(outcome.Value!.EmailNeedsConfirmation);
        var person = await PersonAsync(_h.Kari);
        Assert.True(person.ContactPoints.Single(c => c.Kind == ContactKind.Email).Verified);
        Assert.Equal("+4741234567", person.ContactPoints.Single(c => c.Kind == ContactKind.Mobile).Value);
        Assert.Equal(new DateOnly(1990, 1, 1), person.BirthDate);
    }

    [Fact]
    public async Task InvalidDetails_AreRefusedWithTheDesksCodes_AndNothingChanges()
    {
        var outcome = await _h.CorrectDetails().RunAsync(_h.Kari, Kari(email: "ikke-en-adresse") with { PostalCode = "40051" }, MyPageHarness.Ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal(["email.invalid"], outcome.Errors.ByField["Email"]);
        Assert.Equal(["postalcode.invalid"], outcome.Errors.ByField["PostalCode"]);
        var person = await PersonAsync(_h.Kari);
        Assert.Equal(("Nordmann", null), (person.FamilyName, person.Address?.Street));
    }

    [Fact]
    public async Task NobodyElse_IsCorrected()
    {
        Assert.True((await _h.CorrectDetails().RunAsync(Guid.NewGuid(), Kari(), MyPageHarness.Ct)).NotFound);
    }

    private async Task<Person> PersonAsync(Guid id)
    {
        await using var db = _h.Imports.Database.NewContext();
        return await db.People.AsNoTracking().Include(p => p.ContactPoints).SingleAsync(p => p.Id == id, MyPageHarness.Ct);
    }
}
