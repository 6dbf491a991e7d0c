using System.Net;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Members;

/// <summary>The "done when": desk staff of Stavanger find and edit a member through the pages, and register one.</summary>
public sealed class DeskPagesTests() : ConsortiumTest(StaffRoles.Desk)
{
    [Fact]
    public async Task Desk_FindsAndEditsAMember()
    {
        var search = await Staff.GetStringAsync("/Members?q=nordmann");
        Assert.Contains($"/Members/Details/{Data.StavangerMember.Id}", search, StringComparison.Ordinal);

        var edit = $"/Members/Edit/{Data.StavangerMember.Id}";
        var response = await StaffClient.PostFormAsync(Staff, edit, new()
        {
            ["Form.GivenName"] = "Kari Åsne",
            ["Form.FamilyName"] = "Nordmann-Økland",
            ["Form.BirthDate"] = "1985-03-14",
            ["Form.Email"] = "kari.okland@example.org",
            ["Form.Mobile"] = "41234567",
            ["Form.Street"] = "Løkkeveien 12",
            ["Form.PostalCode"] = "4008",
            ["Form.City"] = "Stavanger",
            ["Form.Country"] = "NO",
            ["Form.PreferredLanguage"] = "Nb",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var details = await Staff.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Kari Åsne Nordmann-Økland", details, StringComparison.Ordinal);
        Assert.Contains("Løkkeveien 12, 4008 Stavanger", details, StringComparison.Ordinal);
        Assert.Contains("kari.okland@example.org", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_WithBadInput_ShowsTheErrorBesideTheField_AndKeepsTheStoredData()
    {
        var response = await StaffClient.PostFormAsync(Staff, $"/Members/Edit/{Data.StavangerMember.Id}", new()
        {
            ["Form.GivenName"] = "",
            ["Form.FamilyName"] = "Nordmann",
            ["Form.BirthDate"] = "1985-03-14",
            ["Form.PostalCode"] = "40",
            ["Form.Street"] = "Gate 1",
            ["Form.City"] = "Stavanger",
            ["Form.Country"] = "NO",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Form_GivenName-error\">Må fylles ut.", page, StringComparison.Ordinal);
        Assert.Contains("Et norsk postnummer har fire sifre.", page, StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.People.SingleAsync(p => p.Id == Data.StavangerMember.Id));
        Assert.Equal("Kari", stored.GivenName);
        Assert.Null(stored.Address);
    }

    [Fact]
    public async Task Register_ThroughTheForm_CreatesAMemberWithACard()
    {
        var response = await StaffClient.PostFormAsync(Staff, "/Members/Register", new()
        {
            ["Form.GivenName"] = "Sølvi",
            ["Form.FamilyName"] = "Håland",
            ["Form.BirthDate"] = "2001-06-30",
            ["Form.Email"] = "solvi@example.org",
            ["Form.PreferredLanguage"] = "Nb",
            ["TypeCode"] = "STUDENT",
            ["Verification"] = "IdentityCheckedAtDesk",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await Staff.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Sølvi Håland", details, StringComparison.Ordinal);
        Assert.Contains("Aktivt", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockAndUnblock_FromTheDetailsPage_ChangeTheDerivedStatus()
    {
        var details = $"/Members/Details/{Data.StavangerMember.Id}";
        var blocked = await StaffClient.PostFormAsync(Staff, details + "?handler=Block",
            new() { ["membershipId"] = Data.StavangerMembership.Id.ToString(), ["reason"] = "Ubetalt erstatning" }, formPage: details);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Contains("Sperret", await Staff.GetStringAsync(details), StringComparison.Ordinal);

        var noReason = await StaffClient.PostFormAsync(Staff, details + "?handler=Unblock",
            new() { ["membershipId"] = Data.StavangerMembership.Id.ToString() }, formPage: details);
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("status-active", await Staff.GetStringAsync(details), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataProtectionOfficer_ReadsAMember_ButGetsNoDeskActions()
    {
        var dpo = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.DataProtectionOfficer);
        var page = await dpo.GetStringAsync($"/Members/Details/{Data.StavangerMember.Id}");
        Assert.Contains("Kari Nordmann", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Block", page, StringComparison.Ordinal);
    }
}
