using System.Net;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Privacy.Audit;

/// <summary>
/// The data protection officer's page: their own library's entries only, a link to it from the
/// member page, and the chain check that reports the entry where the test tampered.
/// (Which roles get in is AccessControlTests' business: it enumerates this page too.)
/// </summary>
public sealed class AuditPageTests() : ConsortiumTest(StaffRoles.DataProtectionOfficer)
{
    [Fact]
    public async Task Officer_SeesOwnLibrarysEntries_NotAnotherLibrarys()
    {
        var bergenDesk = await StaffClient.LoginAsync(App, "bergen", StaffRoles.Desk);
        await bergenDesk.GetAsync($"/Members/Details/{Data.BergenMember.Id}");
        var stavangerDesk = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.Desk);
        await stavangerDesk.GetAsync($"/Members/Details/{Data.StavangerMember.Id}");

        var page = await Staff.GetStringAsync("/Privacy/Audit");
        Assert.Contains(Data.StavangerMember.Id.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("Desk stavanger", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Data.BergenMember.Id.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain("Desk bergen", page, StringComparison.Ordinal);

        var filtered = await Staff.GetStringAsync($"/Privacy/Audit?member={Guid.NewGuid()}");
        Assert.DoesNotContain(Data.StavangerMember.Id.ToString(), filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberPage_LinksTheOfficer_ToThatMembersEntries_AndNotTheDesk()
    {
        var link = $"/Privacy/Audit?member={Data.StavangerMember.Id}";
        Assert.Contains(link, await Staff.GetStringAsync($"/Members/Details/{Data.StavangerMember.Id}"), StringComparison.Ordinal);
        var desk = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.Desk);
        Assert.DoesNotContain(link, await desk.GetStringAsync($"/Members/Details/{Data.StavangerMember.Id}"), StringComparison.Ordinal);

        // The officer's own opening of the member page is on the list it links to.
        Assert.Contains(Data.StavangerMember.Id.ToString(), await Staff.GetStringAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyButton_ReportsIntact_ThenTheEntryWhereTheTestTampered()
    {
        var desk = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.Desk);
        for (var i = 0; i < 3; i++)
        {
            await desk.GetAsync($"/api/v1/members/{Data.StavangerMember.Id}");
        }

        // Each request above is its own, so three entries (1–3) — Norwegian is the default language.
        var intact = await VerifyAsync();
        Assert.Contains("Loggen er hel: 3 oppføringer kontrollert", intact, StringComparison.Ordinal);

        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Purpose = 'desk.edit' WHERE Sequence = 2"));
        var broken = await VerifyAsync();
        Assert.Contains("Loggen er brutt ved oppføring nummer 2: et felt i oppføringen er endret", broken, StringComparison.Ordinal);
    }

    private async Task<string> VerifyAsync()
    {
        var response = await StaffClient.PostFormAsync(Staff, "/Privacy/Audit?handler=Verify", [], formPage: "/Privacy/Audit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
