using System.Net;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.MyPage;

/// <summary>
/// A member cannot reach another person's membership by changing an id in a form or an address:
/// Per's (the same library) and Ola's (another library) memberships are not found from Kari's
/// sign-in, and nothing is stored.
/// </summary>
public sealed class MyPageOwnershipTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private MyPageWebData _data = null!;
    private HttpClient _kari = null!;

    public async ValueTask InitializeAsync()
    {
        _data = await MyPageWebData.SeedAsync(_app);
        _kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Guid Membership(string whose) => whose == "Per" ? _data.PerMembership : _data.OlaMembership;

    [Theory]
    [InlineData("Per")]
    [InlineData("Ola")]
    public async Task AConsentForSomeoneElsesMembership_IsNotFound(string whose)
    {
        var response = await StaffClient.PostFormAsync(_kari, "/min-side/samtykker",
            new() { ["membershipId"] = Membership(whose).ToString(), ["purpose"] = "Newsletter", ["given"] = "true", ["textVersion"] = "1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ConsentRecords.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("Per")]
    [InlineData("Ola")]
    public async Task ARequestAboutSomeoneElsesMembership_IsNotFound(string whose)
    {
        var response = await StaffClient.PostFormAsync(_kari, "/min-side/mine-data/foresporsel",
            new() { ["type"] = "Erasure", ["MembershipId"] = Membership(whose).ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.PrivacyRequests.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AnotherLibrarysPortabilityPackage_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _kari.GetAsync("/min-side/mine-data?handler=Portability&bibliotek=bergen", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _kari.GetAsync("/min-side/mine-data?handler=Portability", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _kari.GetAsync("/min-side/mine-data?handler=Portability&bibliotek=stavanger", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task CorrectingDetails_ChangesOnlyTheSignedInPerson_WhateverTheFormSays()
    {
        // A forged extra field naming Per is ignored: the person comes from the sign-in, never from the form.
        var response = await StaffClient.PostFormAsync(_kari, "/min-side/mine-data/endre", new()
        {
            ["personId"] = _data.Per.ToString(), ["Form.GivenName"] = "Kari", ["Form.FamilyName"] = "Endret", ["Form.Email"] = "kari.nordmann@example.org",
            ["Form.PreferredLanguage"] = "Nb",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var names = await _app.WithDbAsync(db => db.People.Where(p => p.Id == _data.Kari || p.Id == _data.Per)
            .OrderBy(p => p.GivenName).Select(p => p.FamilyName).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Endret", "Perlestad"], names);
    }
}
