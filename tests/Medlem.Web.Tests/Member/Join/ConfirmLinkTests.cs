using System.Net;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>
/// Bad confirmation links (issue "Bad input"): an expired link, a used one, a forged or cut one,
/// and someone else's link followed by a signed-in member. Each shows a clear message with a
/// fitting status, signs no one in, and leaves the database exactly as it was.
/// </summary>
public sealed class ConfirmLinkTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private SmtpCatcher _smtp = null!;
    private HttpClient _client = null!;
    private Uri _link = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _smtp.Configure(_app);
        await TestConsortium.SeedAsync(_app);
        _client = _app.CreateClient(new() { AllowAutoRedirect = false });
        await JoinFlow.SignUpAsync(_client, JoinFlow.Adult());
        _link = await JoinFlow.LinkAsync(_smtp, JoinFlow.Email, MemberLinkUrls.ConfirmEmailPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task ExpiredLink_SaysItIsTooOld_AndChangesNothing()
    {
        _app.Clock.Advance(MemberLinkTokens.ConfirmEmailLifetime + TimeSpan.FromSeconds(1));

        await AssertRefusedAsync(_link, HttpStatusCode.Gone, "Lenken er for gammel – den virker i 48 timer.");
    }

    [Fact]
    public async Task UsedLink_SaysItWasUsed_AndChangesNothingMore()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await JoinFlow.ConfirmAsync(_client, _link)).StatusCode);

        await AssertRefusedAsync(_link, HttpStatusCode.Gone, "Lenken er allerede brukt, og e-postadressen er bekreftet.", fresh: true);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("cut")]
    [InlineData("empty")]
    public async Task ForgedOrCutLink_IsNotRecognised_AndChangesNothing(string kind)
    {
        var token = kind switch
        {
            "forged" => MemberLinkTokens.NewToken(),
            "cut" => JoinFlow.TokenOf(_link)[..30],
            _ => "",
        };

        await AssertRefusedAsync(new Uri($"http://localhost/bekreft-epost?t={token}"), HttpStatusCode.BadRequest, "Vi kjenner ikke igjen lenken.");
    }

    [Fact]
    public async Task AnotherPersonsLink_FollowedByASignedInMember_NeverSignsThemInAsTheOther_AndChangesNothing()
    {
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
        var before = await JoinFlow.SnapshotAsync(_app);

        var opened = await kari.GetAsync(_link.PathAndQuery);
        var pressed = await JoinFlow.ConfirmAsync(kari, _link);

        foreach (var response in new[] { opened, pressed })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Du er logget inn som en annen person enn den lenken gjelder. Logg ut, og åpne lenken på nytt.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(JoinFlow.SetsMemberCookie(response));
        }

        Assert.Equal(before, await JoinFlow.SnapshotAsync(_app));
        // Kari is still Kari; after signing out, the link works for its own person.
        Assert.Contains("Kari", await kari.GetStringAsync("/bli-medlem"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await JoinFlow.ConfirmAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), _link)).StatusCode);
    }

    /// <summary>Opening and pressing the button both refuse with the message; nothing changes and no one is signed in.</summary>
    private async Task AssertRefusedAsync(Uri link, HttpStatusCode status, string message, bool fresh = false)
    {
        var client = fresh ? _app.CreateClient(new() { AllowAutoRedirect = false }) : _client;
        var before = await JoinFlow.SnapshotAsync(_app);

        var opened = await client.GetAsync(link.PathAndQuery);
        var pressed = await JoinFlow.ConfirmAsync(client, JoinFlow.TokenOf(link));

        foreach (var response in new[] { opened, pressed })
        {
            Assert.Equal(status, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains(message, page, StringComparison.Ordinal);
            Assert.Contains("Ingenting er endret.", page, StringComparison.Ordinal);
            Assert.False(JoinFlow.SetsMemberCookie(response));
        }

        Assert.Equal(before, await JoinFlow.SnapshotAsync(_app));
    }
}
