using System.Net;
using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>
/// /bli-medlem end to end over real SMTP (SmtpCatcher): the confirmation mail arrives with a link
/// that works, in the member's language; a child's guardian gets an approval link; an address
/// already confirmed for a member makes no new person and gets a "you are already a member" mail,
/// behind the very same page; and nothing personal reaches the log.
/// </summary>
public sealed class SignUpTests : IAsyncLifetime
{
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
    public async Task SignUp_MailArrivesOverSmtp_ItsLinkConfirms_SignsIn_AndShowsTheDigitalMembership()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var posted = await JoinFlow.SignUpAsync(client, JoinFlow.Adult());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var check = await client.GetStringAsync(posted.Headers.Location);
        Assert.Contains("Sjekk e-posten din", check, StringComparison.Ordinal);
        Assert.Contains(JoinFlow.Email, check, StringComparison.Ordinal);

        var mail = await _smtp.LatestToAsync(JoinFlow.Email);
        Assert.Equal("Bekreft e-postadressen din – Stavanger bibliotek", mail.Subject);
        Assert.Contains($"Hei, {JoinFlow.GivenName}!", mail.Text, StringComparison.Ordinal);
        var link = Assert.Single(mail.Links);
        Assert.Equal(("http", "localhost", "/bekreft-epost"), (link.Scheme, link.Host, link.AbsolutePath));

        var opened = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Bekreft e-postadressen", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(VerificationLevel.None, (await JoinFlow.MembershipOfAsync(_app, JoinFlow.Email)).Verification); // opening alone changes nothing

        var confirmed = await JoinFlow.ConfirmAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(JoinFlow.SetsMemberCookie(confirmed));
        var welcome = await client.GetStringAsync(confirmed.Headers.Location);
        var membership = await JoinFlow.MembershipOfAsync(_app, JoinFlow.Email);
        Assert.Equal((VerificationLevel.EmailVerified, DefaultMembershipTypes.Codes.Digital), (membership.Verification, membership.MembershipType!.Code));
        Assert.Contains("Digitalt medlem – Stavanger bibliotek", welcome, StringComparison.Ordinal);
        Assert.Contains(membership.Cards.Single().Number, welcome, StringComparison.Ordinal);
        Assert.Contains(">Ny<", welcome, StringComparison.Ordinal); // status New: in force, in its first days

        var record = await _app.WithDbAsync(db => db.SentMessages.SingleAsync(m => m.SentTo == JoinFlow.Email));
        Assert.Equal((MailKinds.ConfirmEmail, membership.PersonId), (record.Template, record.PersonId));
        AssertNothingPersonalLogged(JoinFlow.TokenOf(link));
    }

    [Fact]
    public async Task SignUp_InEnglish_GetsTheMailInEnglish()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        await JoinFlow.SignUpAsync(client, JoinFlow.Adult(), "?ui-culture=en");

        var mail = await _smtp.LatestToAsync(JoinFlow.Email);
        Assert.Equal("Confirm your e-mail address – Stavanger bibliotek", mail.Subject);
        Assert.Contains("The link works for 48 hours and only once.", mail.Text, StringComparison.Ordinal);
        Assert.Equal(PreferredLanguage.En, await _app.WithDbAsync(db => db.People.Where(p => p.GivenName == JoinFlow.GivenName).Select(p => p.PreferredLanguage).SingleAsync()));
    }

    [Fact]
    public async Task Child13_IsAskedForAGuardian_TheGuardianGetsAnApprovalLink_TheMembershipWaits_UntilTheGuardianApproves()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var child = JoinFlow.Adult(birthYear: "2012"); // counts as 13 on 2026-11-28 (31 December 2012)

        var asked = await JoinFlow.SignUpAsync(client, child);
        var page = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Du er under 15 år, så en foresatt må godkjenne medlemskapet.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"GuardianEmail\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.People.CountAsync(p => p.GivenName == JoinFlow.GivenName)));

        child["GuardianEmail"] = "forelder.fjellstadvik@example.org";
        var joined = await JoinFlow.SignUpAsync(client, child);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("Vi har også sendt en e-post til den foresatte.", await client.GetStringAsync(joined.Headers.Location), StringComparison.Ordinal);

        var guardianMail = await _smtp.LatestToAsync("forelder.fjellstadvik@example.org");
        Assert.Equal($"{JoinFlow.GivenName} vil bli medlem av Stavanger bibliotek", guardianMail.Subject);
        Assert.Contains($"{JoinFlow.GivenName} {JoinFlow.FamilyName} (født 2012)", guardianMail.Text, StringComparison.Ordinal);
        var approval = Assert.Single(guardianMail.Links);
        Assert.Equal(MemberLinkUrls.GuardianApprovalPath, approval.AbsolutePath);
        var stored = await _app.WithDbAsync(db => db.MemberLinks.SingleAsync(l => l.Purpose == MemberLinkPurpose.GuardianApproval));
        Assert.Equal((MemberLinkTokens.HashOf(JoinFlow.TokenOf(approval)), "forelder.fjellstadvik@example.org"), (stored.TokenHash, stored.SentTo));

        // Confirming the child's own address leaves the membership pending: the guardian has not approved.
        var confirmed = await JoinFlow.ConfirmAsync(client, await JoinFlow.LinkAsync(_smtp, JoinFlow.Email, MemberLinkUrls.ConfirmEmailPath));
        var welcome = await client.GetStringAsync(confirmed.Headers.Location);
        Assert.Contains("Medlemskapet venter på at en foresatt godkjenner det.", welcome, StringComparison.Ordinal);
        Assert.Contains(">Venter<", welcome, StringComparison.Ordinal);

        // The guardian follows the link in their mail (another browser) and approves by e-mail.
        var guardian = _app.CreateClient(new() { AllowAutoRedirect = false });
        var token = JoinFlow.TokenOf(approval);
        Assert.Contains($"{JoinFlow.GivenName} {JoinFlow.FamilyName}", await guardian.GetStringAsync("/foresatt/godkjenn?t=" + token), StringComparison.Ordinal);
        var membershipId = await _app.WithDbAsync(db => db.Memberships.Where(m => m.Person!.GivenName == JoinFlow.GivenName).Select(m => m.Id).SingleAsync());
        var approved = await StaffClient.PostFormAsync(guardian, "/foresatt/godkjenn?handler=Email", new()
        {
            ["t"] = token, ["MembershipId"] = membershipId.ToString(), ["GivenName"] = "Forelder", ["FamilyName"] = JoinFlow.FamilyName,
            ["BirthYear"] = "1984", ["Password"] = "", ["HasParentalResponsibility"] = "true",
        }, "/foresatt/godkjenn?t=" + token);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var membership = await _app.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == membershipId));
        Assert.NotNull(membership.GuardianApprovedAt);
        Assert.True(await _app.WithDbAsync(db => db.Guardianships.AnyAsync(g => g.ChildId == membership.PersonId && g.GuardianId == membership.ApprovedByGuardianId)));
    }

    [Fact]
    public async Task Child12_IsRefusedWithAClearMessage_AndNothingIsStoredOrSent()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var child = JoinFlow.Adult(birthYear: "2013");
        child["GuardianEmail"] = "forelder.fjellstadvik@example.org";

        var refused = await JoinFlow.SignUpAsync(client, child);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Du er for ung til å melde deg inn på egen hånd. En foresatt kan melde deg inn på biblioteket eller med elektronisk ID.",
            await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await _app.WithDbAsync(async db => (await db.People.CountAsync(p => p.GivenName == JoinFlow.GivenName), await db.MemberLinks.CountAsync())));
    }

    [Fact]
    public async Task AddressAlreadyConfirmedForAMember_SamePage_NoNewPerson_AndTheMemberIsToldHowToSignIn()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var people = await _app.WithDbAsync(db => db.People.CountAsync());
        var kari = JoinFlow.Adult(email: "Kari.Nordmann@example.org");

        var posted = await JoinFlow.SignUpAsync(client, kari);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/bli-medlem/sjekk-e-post?b=", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await client.GetStringAsync(posted.Headers.Location);
        Assert.Contains("Sjekk e-posten din", page, StringComparison.Ordinal);
        Assert.Contains("kari.nordmann@example.org", page, StringComparison.Ordinal);
        var mail = await _smtp.LatestToAsync("kari.nordmann@example.org");
        Assert.Equal("Du er allerede medlem av Stavanger bibliotek", mail.Subject);
        Assert.Contains("Hei, Kari!", mail.Text, StringComparison.Ordinal); // the member's own name, not the one typed
        Assert.Equal(["/logg-inn", "/glemt-pin"], mail.Links.Select(l => l.AbsolutePath));
        Assert.Equal(people, await _app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task SendAgain_SendsANewWorkingLink_AtMostThreeAnHour()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var posted = await JoinFlow.SignUpAsync(client, JoinFlow.Adult());
        var checkPage = posted.Headers.Location!.OriginalString;
        var ticket = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), checkPage).Query)["b"]!;
        await _smtp.LatestToAsync(JoinFlow.Email);

        for (var i = 0; i < 4; i++)
        {
            var resent = await StaffClient.PostFormAsync(client, checkPage, new() { ["b"] = ticket });
            Assert.Contains("Hvis adressen fortsatt venter på bekreftelse, har vi sendt e-posten på nytt.", await resent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The first link and two resent ones: three an hour (ResendConfirmation.MaxLinksPerHour).
        Assert.Equal(ResendConfirmation.MaxLinksPerHour, await _app.WithDbAsync(db => db.MemberLinks.CountAsync(l => l.Purpose == MemberLinkPurpose.ConfirmEmail)));
        await WaitForMailsAsync(JoinFlow.Email, ResendConfirmation.MaxLinksPerHour);
        var newest = await JoinFlow.LinkAsync(_smtp, JoinFlow.Email, MemberLinkUrls.ConfirmEmailPath);
        Assert.Equal(HttpStatusCode.Redirect, (await JoinFlow.ConfirmAsync(client, newest)).StatusCode);
    }

    private async Task WaitForMailsAsync(string to, int count)
    {
        for (var attempt = 0; attempt < 50 && (await _smtp.MessagesAsync()).Count(m => m.To.Contains(to)) < count; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(count, (await _smtp.MessagesAsync()).Count(m => m.To.Contains(to)));
    }

    private void AssertNothingPersonalLogged(string token)
    {
        Assert.NotEmpty(_app.Logs.Lines);
        var secrets = new[] { token, JoinFlow.Email, "solveig.fjellstadvik", JoinFlow.GivenName, JoinFlow.FamilyName, JoinFlow.Password, MemberLinkTokens.HashOf(token) };
        Assert.DoesNotContain(_app.Logs.Lines, line => secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }
}
