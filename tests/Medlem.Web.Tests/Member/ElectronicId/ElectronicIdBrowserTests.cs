using Medlem.Core.Members;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Member.ElectronicId;

/// <summary>
/// The "electronic-ID login upgrades a member", in Chromium on a phone-sized screen
/// against the real OpenID Connect provider: Kari signs in with card and PIN, confirms her
/// identity with electronic ID at the provider's login form, and comes back verified, with her
/// birth date from the number. Every page of ours on the way passes axe-core (WCAG 2.1 AA).
/// </summary>
public sealed class ElectronicIdBrowserTests : IAsyncLifetime
{
    private static readonly string KariPid = TestPids.For(new DateOnly(1985, 3, 14));

    private MemberSiteBrowser _b = null!;
    private OidcProvider _provider = null!;

    public async ValueTask InitializeAsync()
    {
        _b = await MemberSiteBrowser.LaunchAsync();
        _provider = await OidcProvider.StartAsync([new TestAccount("kari-sub-1", KariPid, "Kari Nordmann")]);
        await _b.StartAppAsync(_provider.Configure);
        await _provider.SetRedirectUriAsync(_b.BaseUrl + "/elektronisk-id/callback");
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task ElectronicIdLogin_UpgradesAMember()
    {
        // Kari joined digitally and gave her birth year only.
        await _b.App.WithDbAsync(async db =>
        {
            var kari = await db.People.SingleAsync(p => p.Id == _b.Data.StavangerMember.Id);
            (kari.BirthDate, kari.BirthYearOnly) = (new DateOnly(1985, 12, 31), true);
            return await db.SaveChangesAsync();
        });
        var page = await _b.NewPhonePageAsync();

        await page.GotoAsync("/logg-inn?bibliotek=stavanger");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logg inn med elektronisk ID" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "login with electronic ID");
        await page.GetByLabel("Kortnummer").FillAsync("STAV0001");
        await page.GetByLabel("PIN-kode").FillAsync(TestConsortium.MemberPin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/min-side");

        await page.GotoAsync("/elektronisk-id");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bekreft identitet med elektronisk ID", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "upgrade");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft identitet med elektronisk ID" }).ClickAsync();

        // The provider's own login form, on its own origin.
        await page.GetByLabel("Testperson").SelectOptionAsync("kari-sub-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

        await page.WaitForURLAsync("**/elektronisk-id/bekreftet");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Identiteten er bekreftet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("14. mars 1985")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "confirmed");

        var kari = await _b.App.WithDbAsync(db => db.People.Include(p => p.Memberships).SingleAsync(p => p.Id == _b.Data.StavangerMember.Id));
        Assert.Equal(VerificationLevel.ElectronicId, Assert.Single(kari.Memberships).Verification);
        Assert.Equal(new DateOnly(1985, 3, 14), kari.BirthDate);
        Assert.False(kari.BirthYearOnly);
        Assert.Equal(KariPid, kari.NationalIdentityNumber);
    }

    [Fact]
    public async Task TheStrangersPages_AreAccessible()
    {
        var page = await _b.NewPhonePageAsync();
        foreach (var path in new[] { "/elektronisk-id", "/elektronisk-id/ukjent", "/elektronisk-id/feil?arsak=eid.token-refused", "/elektronisk-id/feil?arsak=eid.birth-date-differs" })
        {
            await page.GotoAsync(path);
            await Axe.AssertAccessibleAsync(page, path);
        }
    }
}
