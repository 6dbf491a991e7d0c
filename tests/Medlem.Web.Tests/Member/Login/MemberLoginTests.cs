using System.Net;
using Medlem.Core.Members;
using Medlem.Web.Features.Member;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Login;

/// <summary>
/// The members' sign-in (/logg-inn): card number and PIN of an active card, or a verified
/// e-mail and password; failures say nothing about which part was wrong, five lock the
/// account for fifteen minutes, and strangers' posts are rate limited.
/// </summary>
public sealed class MemberLoginTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;

    public async ValueTask InitializeAsync() => _data = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CardAndPin_SignsTheMemberIn_AndLandsOnMinSide()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", TestConsortium.MemberPin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(MemberPrincipal.HomePath, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("medlem.member=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stavanger", "STAV0001", "1357")] // wrong PIN
    [InlineData("stavanger", "STAV9999", "2468")] // no such card
    [InlineData("bergen", "STAV0001", "2468")] // Kari's card is Stavanger's, not Bergen's
    [InlineData("nowhere", "STAV0001", "2468")] // no such library
    public async Task WrongCombination_FailsWithOneMessage_AndNoCookie(string library, string card, string pin)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await MemberClient.PostCardLoginAsync(client, library, card, pin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Innloggingen mislyktes. Sjekk bibliotek, kortnummer og PIN.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("medlem.member=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FiveWrongPins_LockTheAccount_EvenForTheRightPin_UntilTheLockoutEnds()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < SecretCheck.MaxFailures; i++)
        {
            await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", "0000");
        }

        var locked = await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", TestConsortium.MemberPin);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);

        _app.Clock.Advance(SecretCheck.LockoutDuration + TimeSpan.FromSeconds(1));
        var after = await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", TestConsortium.MemberPin);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task LostCard_OrBlockedMembership_DoesNotSignIn()
    {
        await _app.WithDbAsync(async db =>
        {
            var card = await db.Cards.SingleAsync(c => c.Number == "STAV0001");
            card.Status = CardStatus.Lost;
            var ola = await db.Memberships.SingleAsync(m => m.Id == _data.BergenMembership.Id);
            ola.BlockedAt = MedlemApplication.Now;
            return await db.SaveChangesAsync();
        });
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", TestConsortium.MemberPin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MemberClient.PostCardLoginAsync(client, "bergen", "BERG0001", TestConsortium.MemberPin)).StatusCode);
    }

    [Fact]
    public async Task VerifiedEmailAndPassword_SignIn_ButAnUnverifiedAddressDoesNot()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await PostEmailLoginAsync(client, "Kari.Nordmann@example.org ", TestConsortium.MemberPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        await _app.WithDbAsync(async db =>
        {
            var email = await db.ContactPoints.SingleAsync(c => c.PersonId == _data.StavangerMember.Id && c.Kind == ContactKind.Email);
            email.Verified = false;
            return await db.SaveChangesAsync();
        });
        var refused = await PostEmailLoginAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), "kari.nordmann@example.org", TestConsortium.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Innloggingen mislyktes. Sjekk e-postadressen og passordet.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaffCookie_IsNoMemberSignIn_AndAMemberCookieOpensNoStaffPage()
    {
        var staff = await StaffClient.LoginAsync(_app, "stavanger", Core.Consortium.StaffRoles.Desk);
        var member = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        var staffOnMemberPage = await staff.GetAsync("/logg-inn");
        Assert.Equal(HttpStatusCode.OK, staffOnMemberPage.StatusCode);
        var memberOnStaffPage = await member.GetAsync("/Members");
        Assert.Equal(HttpStatusCode.Redirect, memberOnStaffPage.StatusCode);
        Assert.StartsWith("/Account/Login", new Uri(new Uri("http://localhost"), memberOnStaffPage.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_EndsTheMemberSession()
    {
        var member = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
        var response = await StaffClient.PostFormAsync(member, "/logg-ut", [], formPage: "/logg-inn");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("medlem.member=;", StringComparison.Ordinal));
        Assert.Equal("\"cache\", \"storage\"", response.Headers.GetValues("Clear-Site-Data").Single()); // the offline card copy goes too
    }

    [Fact]
    public async Task ManyPostsFromOneAddress_AreRefusedWith429_ButPageViewsAreNot()
    {
        await using var app = new MedlemApplication();
        app.Settings["Medlem:Members:PostsPerMinute"] = "3";
        await TestConsortium.SeedAsync(app);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", "0000")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/logg-inn")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostEmailLoginAsync(HttpClient client, string email, string password) =>
        StaffClient.PostFormAsync(client, "/logg-inn?handler=Email", new() { ["Email"] = email, ["Password"] = password }, "/logg-inn");

    [Fact]
    public async Task AFailedSignIn_IsLoggedWithTheCardRedactedToAKeyedHash_TheSameForTheSameCard()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", "0000");
        await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", "1111");
        await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV7777", "0000");

        var failures = _app.Logs.Lines.Where(l => l.Contains("Member sign-in with a card of library", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, failures.Count);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains("STAV0001", StringComparison.Ordinal) || l.Contains("STAV7777", StringComparison.Ordinal));
        var cards = failures.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"CardNumber=(\S+)").Groups[1].Value).ToList();
        Assert.All(cards, c => Assert.True(c.Length >= 16, $"'{c}' is not a keyed hash: {string.Join(" | ", failures)}"));
        Assert.Equal(cards[0], cards[1]);
        Assert.NotEqual(cards[0], cards[2]);
    }
}
