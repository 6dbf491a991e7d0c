using System.Net;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>
/// "Forgot my PIN" end to end over real SMTP: /glemt-pin answers the same for known and unknown
/// people, the link goes only to the confirmed address, /ny-pin sets a new PIN and/or password,
/// ends a lockout and uses the link up; bad links change nothing.
/// </summary>
public sealed class ResetFlowTests : IAsyncLifetime
{
    private const string KariEmail = "kari.nordmann@example.org";

    private readonly MedlemApplication _app = new();
    private SmtpCatcher _smtp = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _smtp.Configure(_app);
        await TestConsortium.SeedAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task LockedOutMember_AsksByEmail_ChoosesANewPin_IsUnlocked_AndTheLinkIsUsedUp()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < SecretCheck.MaxFailures; i++)
        {
            await MemberClient.PostCardLoginAsync(client, "stavanger", "STAV0001", "0000");
        }

        var asked = await AskAsync(client, "Email", new() { ["Email"] = "Kari.Nordmann@example.org" });
        Assert.Equal("/glemt-pin?sendt=True", asked.Headers.Location!.OriginalString);
        Assert.Contains("Hvis vi kjenner deg, er en e-post på vei til den bekreftede adressen din.", await client.GetStringAsync(asked.Headers.Location), StringComparison.Ordinal);

        var mail = await _smtp.LatestToAsync(KariEmail);
        Assert.Equal("Ny PIN-kode eller nytt passord – Stavanger bibliotek", mail.Subject);
        var link = Assert.Single(mail.Links);
        Assert.Equal(MemberLinkUrls.ResetSecretPath, link.AbsolutePath);
        Assert.Contains("Hei, Kari!", await client.GetStringAsync(link.PathAndQuery), StringComparison.Ordinal);

        var saved = await JoinFlow.NewPinAsync(client, JoinFlow.TokenOf(link), "97531");
        Assert.Equal("/ny-pin?lagret=True", saved.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await MemberClient.PostCardLoginAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), "stavanger", "STAV0001", "97531")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MemberClient.PostCardLoginAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), "stavanger", "STAV0001", TestConsortium.MemberPin)).StatusCode);
        var before = await JoinFlow.SnapshotAsync(_app);
        var again = await JoinFlow.NewPinAsync(client, JoinFlow.TokenOf(link), "24680");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("Lenken er allerede brukt.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await JoinFlow.SnapshotAsync(_app));
    }

    [Fact]
    public async Task ByLibraryAndCard_TheLinkGoesToTheConfirmedAddress_AndCanSetAPassword()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        await AskAsync(client, "Card", new() { ["Library"] = "stavanger", ["CardNumber"] = "STAV0001" });

        var link = await JoinFlow.LinkAsync(_smtp, KariEmail, MemberLinkUrls.ResetSecretPath);
        var tooShort = await JoinFlow.NewPinAsync(client, JoinFlow.TokenOf(link), pin: null, password: "kort");
        Assert.Contains("Passordet må ha minst 10 tegn.", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nothing = await JoinFlow.NewPinAsync(client, JoinFlow.TokenOf(link), pin: null);
        Assert.Contains("Fyll inn en ny PIN-kode, et nytt passord eller begge.", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await JoinFlow.NewPinAsync(client, JoinFlow.TokenOf(link), pin: null, password: "Kari-nytt-passord-2026")).StatusCode);

        var signIn = await StaffClient.PostFormAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), "/logg-inn?handler=Email",
            new() { ["Email"] = KariEmail, ["Password"] = "Kari-nytt-passord-2026" }, "/logg-inn");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task UnknownAddressOrCard_GetTheSameAnswer_AndNoMailNoLink()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var known = await AskAsync(client, "Email", new() { ["Email"] = KariEmail });
        var unknownAddress = await AskAsync(client, "Email", new() { ["Email"] = "ukjent.person@example.org" });
        var unknownCard = await AskAsync(client, "Card", new() { ["Library"] = "stavanger", ["CardNumber"] = "STAV9999" });

        Assert.All(new[] { unknownAddress, unknownCard }, r => Assert.Equal(known.Headers.Location, r.Headers.Location));
        await _smtp.LatestToAsync(KariEmail);
        Assert.Equal(1, await _app.WithDbAsync(db => db.MemberLinks.CountAsync(l => l.Purpose == MemberLinkPurpose.ResetSecret)));
        Assert.DoesNotContain(await _smtp.MessagesAsync(), m => m.To.Contains("ukjent.person@example.org"));
    }

    [Fact]
    public async Task EmptyRequest_AsksForTheAddress()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await AskAsync(client, "Email", new() { ["Email"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv inn e-postadressen din.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredForgedOrOtherPersonsResetLink_SaysWhy_AndChangesNothing()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        await AskAsync(client, "Email", new() { ["Email"] = KariEmail });
        var token = JoinFlow.TokenOf(await JoinFlow.LinkAsync(_smtp, KariEmail, MemberLinkUrls.ResetSecretPath));
        var ola = await MemberClient.LoginAsync(_app, "bergen", "BERG0001");
        var before = await JoinFlow.SnapshotAsync(_app);

        var otherPerson = await JoinFlow.NewPinAsync(ola, token, "13579");
        var forged = await JoinFlow.NewPinAsync(client, MemberLinkTokens.NewToken(), "13579");
        _app.Clock.Advance(MemberLinkTokens.ResetSecretLifetime);
        var expired = await JoinFlow.NewPinAsync(client, token, "13579");

        Assert.Equal(HttpStatusCode.Forbidden, otherPerson.StatusCode);
        Assert.Contains("Du er logget inn som en annen person enn den lenken gjelder.", await otherPerson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Vi kjenner ikke igjen lenken.", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Lenken er for gammel – den virker i én time.", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await JoinFlow.SnapshotAsync(_app));
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        StaffClient.PostFormAsync(client, "/glemt-pin?handler=" + handler, fields, "/glemt-pin");
}
