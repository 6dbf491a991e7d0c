using Medlem.Core.Members;
using Medlem.Web.Tests.Member.ElectronicId;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Member.Guardian;

/// <summary>
/// The "a guardian approves a child", in Chromium on a phone-sized screen: the child's
/// membership waits for a guardian; the guardian's mail arrives at a real SMTP server; the
/// guardian follows the link, approves by e-mail confirmation, and finds the child on their own
/// page, with the child's consents and the way to end the membership. Every page passes axe-core.
/// </summary>
public sealed class GuardianBrowserTests : IAsyncLifetime
{
    private MemberSiteBrowser _b = null!;
    private SmtpCatcher _smtp = null!;

    public async ValueTask InitializeAsync()
    {
        _b = await MemberSiteBrowser.LaunchAsync();
        _smtp = await SmtpCatcher.StartAsync();
        await _b.StartAppAsync(_smtp.Configure);
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task AGuardian_ApprovesAChild_AndSeesTheChildOnTheGuardianPage()
    {
        var (childId, membershipId) = await GuardianTestData.AddChildAsync(_b.App, _b.Data.Stavanger, "Emma");
        await GuardianTestData.RequestApprovalAsync(_b.App, membershipId);
        var mail = await _smtp.LatestToAsync(GuardianTestData.ParentEmail);
        Assert.Equal("Godkjenn medlemskapet til Emma i Stavanger bibliotek", mail.Subject);
        Assert.DoesNotContain("Barnesen", mail.Text, StringComparison.Ordinal); // the given name only
        var link = Assert.Single(mail.Links);

        var page = await _b.NewPhonePageAsync();
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Godkjenn barnets medlemskap" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Emma Barnesen")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "approve");
        await page.GetByLabel("Fornavn").FillAsync("Per");
        await page.GetByLabel("Etternavn").FillAsync("Hansen");
        await page.GetByLabel("Fødselsår").FillAsync("1980");
        await page.GetByLabel("Passord (valgfritt, minst 10 tegn)").FillAsync("Per-passord-2026");
        await page.GetByLabel("Jeg har foreldreansvar for barnet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkjenn medlemskapet" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Medlemskapet til Emma i Stavanger bibliotek er godkjent.");
        await Axe.AssertAccessibleAsync(page, "approved");
        var membership = await _b.App.WithDbAsync(db => db.Memberships.Include(m => m.Person).Include(m => m.MembershipType).SingleAsync(m => m.Id == membershipId));
        Assert.NotNull(membership.GuardianApprovedAt);
        var rules = new MemberRules().Status;
        Assert.NotEqual(MembershipStatus.Pending, rules.Evaluate(membership, membership.MembershipType!, membership.Person!.BirthDate, new DateOnly(2026, 11, 28)));
        var guardian = await _b.App.WithDbAsync(db => db.People.Include(p => p.ContactPoints).SingleAsync(p => p.Id == membership.ApprovedByGuardianId));
        Assert.Equal(("Per", "Hansen", true), (guardian.GivenName, guardian.FamilyName, guardian.BirthYearOnly));
        Assert.True(Assert.Single(guardian.ContactPoints).Verified);
        Assert.True(await _b.App.WithDbAsync(db => db.Guardianships.AnyAsync(g => g.ChildId == childId && g.GuardianId == guardian.Id)));

        await page.GetByRole(AriaRole.Link, new() { Name = "Til foresattsiden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Emma Barnesen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Stavanger bibliotek")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "guardian home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Samtykker for Emma" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Samtykker for Emma", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "child's consents");

        await page.GotoAsync("/foresatt");
        await page.GetByRole(AriaRole.Link, new() { Name = "Avslutt medlemskapet til Emma" }).ClickAsync();
        await Axe.AssertAccessibleAsync(page, "end membership");
    }

    [Fact]
    public async Task AGuardianOfAYoungChild_GivesAConsent_AndABadLinkSaysWhy_Accessibly()
    {
        var (childId, membershipId) = await GuardianTestData.AddChildAsync(_b.App, _b.Data.Stavanger, "Lise", new DateOnly(2016, 5, 1), DefaultMembershipTypes.Codes.Child);
        await GuardianTestData.AddGuardianAsync(_b.App, childId, "Mona", "mona@example.org", "Mona-passord-2026");
        var page = await _b.NewPhonePageAsync();
        await page.GotoAsync("/logg-inn");
        await page.GetByLabel("E-postadresse").FillAsync("mona@example.org");
        await page.GetByLabel("Passord", new() { Exact = true }).FillAsync("Mona-passord-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).Last.ClickAsync();
        await page.WaitForURLAsync("**/min-side");

        await page.GotoAsync("/foresatt");
        await Assertions.Expect(page.GetByText("venter på godkjenning fra deg")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Godkjenn medlemskapet til Lise" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Medlemskapet til Lise er godkjent.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Samtykker for Lise" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gi samtykke: Nyhetsbrev" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Trekk tilbake: Nyhetsbrev" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page, "consent given");
        Assert.NotNull(await _b.App.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.GuardianApprovedAt).SingleAsync()));

        var stranger = await _b.NewPhonePageAsync();
        await stranger.GotoAsync("/foresatt/godkjenn?t=" + new string('x', 43));
        await Assertions.Expect(stranger.GetByRole(AriaRole.Alert)).ToContainTextAsync("Lenken virker ikke");
        await Axe.AssertAccessibleAsync(stranger, "bad link");
    }
}
