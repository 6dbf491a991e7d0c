using System.Net;
using Medlem.Core.Consortium;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Members;

/// <summary>
/// The privacy issue: "a staff member of one library cannot read another's members unless a
/// sharing rule between the two libraries allows it, and that read is audited too."
/// </summary>
public sealed class SharingTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;

    public async ValueTask InitializeAsync() => _data = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string KariUrl => $"/Members/Shared?owner={_data.Stavanger.Id}&person={_data.StavangerMember.Id}";

    [Fact]
    public async Task WithoutARule_AnotherLibraryFindsNothing_AndCannotRead()
    {
        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);

        Assert.DoesNotContain("Nordmann", await bergen.GetStringAsync("/Members/Shared?q=Kari"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync(KariUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Members/Details/{_data.StavangerMember.Id}")).StatusCode);
    }

    [Fact]
    public async Task WithARule_TheRecipientReadsOnly_EveryReadIsAudited_AndTheOwnersDpoSeesIt_UntilRevoked()
    {
        var admin = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Administrator);
        var added = await StaffClient.PostFormAsync(admin, "/Admin/Sharing?handler=Add", new() { ["Recipient"] = "bergen", ["Basis"] = "Avtale om felles lånekort 2026" }, "/Admin/Sharing");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);

        var hits = await bergen.GetStringAsync("/Members/Shared?q=Kari");
        Assert.Contains("Kari Nordmann", hits, StringComparison.Ordinal);
        var page = await bergen.GetStringAsync(KariUrl);
        Assert.Contains("STAV0001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("kari.nordmann@example.org", page, StringComparison.Ordinal); // only what recognising her needs
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Members/Details/{_data.StavangerMember.Id}")).StatusCode); // never the owner's own pages

        var entries = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.PersonId == _data.StavangerMember.Id).ToListAsync());
        Assert.Equal([AuditPurposes.SharedSearch, AuditPurposes.SharedRead], entries.Select(e => e.Purpose));
        Assert.All(entries, e => Assert.Equal((_data.Bergen.Id, (Guid?)_data.StavangerMembership.Id), (e.LibraryId, e.MembershipId)));
        var dpo = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.DataProtectionOfficer);
        Assert.Contains("Deling: lese et annet biblioteks medlem", await dpo.GetStringAsync("/Privacy/Audit"), StringComparison.Ordinal);

        var ruleId = await _app.WithDbAsync(db => db.SharingRules.Select(r => r.Id).SingleAsync());
        var bergenAdmin = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Administrator);
        await StaffClient.PostFormAsync(bergenAdmin, "/Admin/Sharing?handler=Revoke", new() { ["ruleId"] = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Admin/Sharing");
        Assert.Equal(HttpStatusCode.OK, (await bergen.GetAsync(KariUrl)).StatusCode); // only the owner revokes
        await StaffClient.PostFormAsync(admin, "/Admin/Sharing?handler=Revoke", new() { ["ruleId"] = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Admin/Sharing");
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync(KariUrl)).StatusCode);
    }

    [Fact]
    public async Task ErasingTheMember_ClearsTheSubjectOfTheOtherLibrarysReadsToo()
    {
        var admin = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Administrator);
        await StaffClient.PostFormAsync(admin, "/Admin/Sharing?handler=Add", new() { ["Recipient"] = "bergen", ["Basis"] = "Avtale 2026" }, "/Admin/Sharing");
        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);
        await bergen.GetStringAsync(KariUrl);

        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync($"/api/v1/members/{_data.StavangerMember.Id}/erase", null)).StatusCode);

        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.PersonId == _data.StavangerMember.Id)));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Purpose == AuditPurposes.SharedRead && e.PersonId == null)));
    }

    [Fact]
    public async Task ARuleNeedsAnotherLibraryAndAnAgreement()
    {
        var admin = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Administrator);
        var response = await StaffClient.PostFormAsync(admin, "/Admin/Sharing?handler=Add", new() { ["Recipient"] = "stavanger", ["Basis"] = " " }, "/Admin/Sharing");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Velg et annet bibliotek.", page, StringComparison.Ordinal);
        Assert.Contains("Oppgi avtalen som gir grunnlaget", page, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SharingRules.CountAsync()));
    }
}
