using System.Net;
using Medlem.Core.Members;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.ElectronicId;

/// <summary>
/// Electronic ID end to end against a real OpenID Connect provider on 127.0.0.1 (tests/servers),
/// over HTTP: sign-in of a stranger whose number is on a member, the upgrade of a signed-in member
/// and its refusals, ID tokens the application must refuse (bad signature, wrong audience, no
/// pid), and a number nobody holds. Every refusal: a readable page, nobody signed in, nothing
/// changed; and no number or subject in the log.
/// </summary>
public sealed class ElectronicIdTests : IAsyncLifetime
{
    // Kari Nordmann (1985-03-14) and Ola Bergmann (1979-07-02) of the test consortium.
    private static readonly string KariPid = TestPids.For(new DateOnly(1985, 3, 14));
    private static readonly string OlaPid = TestPids.For(new DateOnly(1979, 7, 2));
    private static readonly string StrangerPid = TestPids.For(new DateOnly(1990, 6, 1));

    private readonly MedlemApplication _app = new();
    private OidcProvider _provider = null!;
    private TestConsortium _data = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await OidcProvider.StartAsync(
        [
            new TestAccount("kari-sub-1", KariPid, "Kari Nordmann"),
            new TestAccount("ola-sub-2", OlaPid, "Ola Bergmann"),
            new TestAccount("stranger-sub-3", StrangerPid, "Siri Fremmed"),
            new TestAccount("nopid-sub-4", null, "Uten Nummer"),
        ]);
        _provider.Configure(_app);
        _data = await TestConsortium.SeedAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task AStranger_WhoseNumberIsOnAMember_IsSignedInAsThatMember_AndTheSubjectIsStoredOnlyAsAKeyedHash()
    {
        await GiveNumberAsync(_data.BergenMember.Id, OlaPid);
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var answer = await ElectronicIdFlow.RunAsync(client, "/elektronisk-id?handler=SignIn", "/elektronisk-id", "ola-sub-2");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/min-side", answer.Headers.Location!.OriginalString);
        Assert.True(ElectronicIdFlow.SignsIn(answer));
        var subject = await _app.WithDbAsync(db => db.MemberAccounts.Where(a => a.PersonId == _data.BergenMember.Id).Select(a => a.ElectronicIdSubject).SingleAsync());
        Assert.Matches("^[0-9a-f]{64}$", subject!);
        Assert.DoesNotContain("ola-sub-2", subject!, StringComparison.Ordinal);
        AssertLogHasNoIdentity();
    }

    [Fact]
    public async Task UpgradeOfASignedInMember_StoresTheNumber_TakesTheBirthDateFromIt_AndVerifiesTheMembership()
    {
        // Kari joined digitally and gave only her birth year.
        await _app.WithDbAsync(async db =>
        {
            var kari = await db.People.SingleAsync(p => p.Id == _data.StavangerMember.Id);
            (kari.BirthDate, kari.BirthYearOnly) = (new DateOnly(1985, 12, 31), true);
            return await db.SaveChangesAsync();
        });
        var kariClient = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        var answer = await ElectronicIdFlow.RunAsync(kariClient, "/elektronisk-id?handler=Upgrade", "/elektronisk-id", "kari-sub-1");

        Assert.Equal("/elektronisk-id/bekreftet", answer.Headers.Location!.OriginalString);
        var kari = await _app.WithDbAsync(db => db.People.Include(p => p.Memberships).SingleAsync(p => p.Id == _data.StavangerMember.Id));
        Assert.Equal(KariPid, kari.NationalIdentityNumber);
        Assert.Equal(new DateOnly(1985, 3, 14), kari.BirthDate);
        Assert.False(kari.BirthYearOnly);
        Assert.Equal(VerificationLevel.ElectronicId, Assert.Single(kari.Memberships).Verification);
        var confirmed = await kariClient.GetStringAsync("/elektronisk-id/bekreftet");
        Assert.Contains("14. mars 1985", confirmed, StringComparison.Ordinal);
        AssertLogHasNoIdentity();
    }

    [Fact]
    public async Task Upgrade_WithANumberAlreadyOnAnotherMember_SaysSo_AndChangesNothing()
    {
        await GiveNumberAsync(_data.BergenMember.Id, OlaPid);
        var before = await SnapshotAsync();
        var kariClient = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        // Kari's session, Ola's electronic ID.
        var answer = await ElectronicIdFlow.RunAsync(kariClient, "/elektronisk-id?handler=Upgrade", "/elektronisk-id", "ola-sub-2");

        Assert.Equal("/elektronisk-id/feil?arsak=eid.number-on-another-person", answer.Headers.Location!.OriginalString);
        Assert.False(ElectronicIdFlow.SignsIn(answer));
        Assert.Contains("allerede registrert på et annet medlem", await kariClient.GetStringAsync(answer.Headers.Location.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Upgrade_WhenTheBirthYearTheMemberGaveDiffers_SaysSo_AndChangesNothing()
    {
        await _app.WithDbAsync(async db =>
        {
            var kari = await db.People.SingleAsync(p => p.Id == _data.StavangerMember.Id);
            (kari.BirthDate, kari.BirthYearOnly) = (new DateOnly(1986, 12, 31), true);
            return await db.SaveChangesAsync();
        });
        var before = await SnapshotAsync();
        var kariClient = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        var answer = await ElectronicIdFlow.RunAsync(kariClient, "/elektronisk-id?handler=Upgrade", "/elektronisk-id", "kari-sub-1");

        Assert.Equal("/elektronisk-id/feil?arsak=eid.birth-date-differs", answer.Headers.Location!.OriginalString);
        Assert.Contains("Fødselsåret du oppga", await kariClient.GetStringAsync(answer.Headers.Location.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("bad-signature")]
    [InlineData("wrong-audience")]
    public async Task AnIdTokenWithABadSignatureOrForAnotherAudience_IsRefused_NobodyIsSignedIn_AndNothingChanges(string mode)
    {
        await GiveNumberAsync(_data.BergenMember.Id, OlaPid);
        var before = await SnapshotAsync();
        await _provider.SetModeAsync(mode);

        var stranger = _app.CreateClient(new() { AllowAutoRedirect = false });
        var signIn = await ElectronicIdFlow.RunAsync(stranger, "/elektronisk-id?handler=SignIn", "/elektronisk-id", "ola-sub-2");
        var kariClient = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
        var upgrade = await ElectronicIdFlow.RunAsync(kariClient, "/elektronisk-id?handler=Upgrade", "/elektronisk-id", "kari-sub-1");

        foreach (var answer in new[] { signIn, upgrade })
        {
            Assert.Equal("/elektronisk-id/feil?arsak=eid.token-refused", answer.Headers.Location!.OriginalString);
            Assert.False(ElectronicIdFlow.SignsIn(answer));
        }

        var page = await stranger.GetAsync(signIn.Headers.Location!.OriginalString);
        Assert.Contains("ugyldig signatur eller feil mottaker", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/elektronisk-id/bekreftet")).StatusCode); // still nobody: to the login page
        Assert.Equal(before, await SnapshotAsync());
        AssertLogHasNoIdentity();
    }

    [Fact]
    public async Task AnIdTokenWithoutPid_IsRefused_NobodyIsSignedIn_AndNothingChanges()
    {
        var before = await SnapshotAsync();
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var answer = await ElectronicIdFlow.RunAsync(client, "/elektronisk-id?handler=SignIn", "/elektronisk-id", "nopid-sub-4");

        Assert.Equal("/elektronisk-id/feil?arsak=eid.pid-missing", answer.Headers.Location!.OriginalString);
        Assert.False(ElectronicIdFlow.SignsIn(answer));
        Assert.Contains("ga oss ikke fødselsnummeret", await client.GetStringAsync(answer.Headers.Location.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.False(await _app.WithDbAsync(db => db.StatisticsKeys.AnyAsync(k => k.Purpose == Core.Members.ElectronicId.ElectronicIdSubjects.KeyPurpose)));
    }

    [Fact]
    public async Task ANumberNobodyHolds_OffersToJoin_AndCreatesNobody()
    {
        var before = await SnapshotAsync();
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var answer = await ElectronicIdFlow.RunAsync(client, "/elektronisk-id?handler=SignIn", "/elektronisk-id", "stranger-sub-3");

        Assert.Equal("/elektronisk-id/ukjent", answer.Headers.Location!.OriginalString);
        Assert.False(ElectronicIdFlow.SignsIn(answer));
        var page = await client.GetStringAsync("/elektronisk-id/ukjent");
        Assert.Contains("href=\"/bli-medlem\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        AssertLogHasNoIdentity();
    }

    [Fact]
    public async Task CancellingAtTheProvider_ShowsWhy_AndSignsNobodyIn()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var start = await StaffClient.PostFormAsync(client, "/elektronisk-id?handler=SignIn", [], "/elektronisk-id");
        using var browser = OidcProvider.NewBrowserSide();
        var login = new Uri(start.Headers.Location!, (await browser.GetAsync(start.Headers.Location)).Headers.Location!);
        await browser.GetStringAsync(login);
        var resume = await browser.PostAsync(login + "/abort", new FormUrlEncodedContent([]));
        // The provider answers an error with status 400 and the same form_post page.
        var answer = await (await browser.GetAsync(new Uri(login, resume.Headers.Location!))).Content.ReadAsStringAsync();
        var inputs = System.Text.RegularExpressions.Regex.Matches(answer, "name=\"([^\"]+)\" value=\"([^\"]*)\"").ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

        var back = await client.PostAsync(OidcProvider.TestServerRedirectUri, new FormUrlEncodedContent(inputs));

        Assert.Equal("/elektronisk-id/feil?arsak=eid.cancelled", back.Headers.Location!.OriginalString);
        Assert.False(ElectronicIdFlow.SignsIn(back));
    }

    [Fact]
    public async Task StartingElectronicId_NeedsTheFormsAntiforgeryToken()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var forged = await client.PostAsync("/elektronisk-id?handler=SignIn", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task TheLoginPage_OffersElectronicId_AndTheStartPageAllowsTheProviderAsFormTarget()
    {
        var client = _app.CreateClient();
        Assert.Contains("Logg inn med elektronisk ID", await client.GetStringAsync("/logg-inn"), StringComparison.Ordinal);
        var start = await client.GetAsync("/elektronisk-id");
        Assert.Contains("form-action 'self' " + _provider.Issuer, start.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private async Task GiveNumberAsync(Guid personId, string pid) =>
        await _app.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == personId);
            person.NationalIdentityNumber = pid;
            return await db.SaveChangesAsync();
        });

    /// <summary>What electronic ID could change: people, numbers, birth dates, verification, linked subjects.</summary>
    private Task<string> SnapshotAsync() =>
        _app.WithDbAsync(async db =>
        {
            var people = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.NationalIdentityNumber, p.BirthDate, p.BirthYearOnly }).ToListAsync();
            var memberships = await db.Memberships.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.Verification }).ToListAsync();
            var accounts = await db.MemberAccounts.AsNoTracking().OrderBy(a => a.PersonId).Select(a => new { a.PersonId, a.ElectronicIdSubject }).ToListAsync();
            return string.Join("|", people) + "#" + string.Join("|", memberships) + "#" + string.Join("|", accounts);
        });

    private void AssertLogHasNoIdentity()
    {
        foreach (var secret in new[] { KariPid, OlaPid, StrangerPid, "kari-sub-1", "ola-sub-2", "stranger-sub-3" })
        {
            Assert.DoesNotContain(_app.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
