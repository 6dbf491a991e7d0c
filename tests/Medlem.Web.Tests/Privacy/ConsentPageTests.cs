using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Privacy;

/// <summary>Consents at the desk and over the API: recorded with their circumstances, within the library, by the roles that may.</summary>
public sealed class ConsentPageTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _c = null!;

    public async ValueTask InitializeAsync() => _c = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDesk_RecordsAConsent_OnThePage_AndTheApiShowsIt()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var url = $"/Members/Consents/{_c.StavangerMembership.Id}";
        var page = await desk.GetStringAsync(url, Ct);
        Assert.Contains("Nyhetsbrev", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Gitt<", page, StringComparison.Ordinal); // off until given

        var posted = await StaffClient.PostFormAsync(desk, url, new() { ["purpose"] = "Newsletter", ["given"] = "true", ["textVersion"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var states = JsonDocument.Parse(await desk.GetStringAsync($"/api/v1/memberships/{_c.StavangerMembership.Id}/consents", Ct)).RootElement;
        var newsletter = states.EnumerateArray().Single(s => s.GetProperty("purpose").GetString() == "Newsletter");
        Assert.True(newsletter.GetProperty("given").GetBoolean());
        Assert.Equal("Desk", newsletter.GetProperty("latest").GetProperty("channel").GetString());
        Assert.Equal("Staff", newsletter.GetProperty("latest").GetProperty("actedBy").GetString());

        // Withdrawn over the API; the history holds both, newest first.
        var put = await desk.PutAsJsonAsync($"/api/v1/memberships/{_c.StavangerMembership.Id}/consents/Newsletter", new { given = false, textVersion = 1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var history = JsonDocument.Parse(await desk.GetStringAsync($"/api/v1/memberships/{_c.StavangerMembership.Id}/consents/history", Ct)).RootElement;
        Assert.Equal([false, true], history.EnumerateArray().Select(r => r.GetProperty("given").GetBoolean()));
        Assert.Equal(["Api", "Desk"], history.EnumerateArray().Select(r => r.GetProperty("channel").GetString()));

        // Each read and change of the member's consents is in the audit trail, with its purpose.
        var purposes = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.PersonId == _c.StavangerMember.Id).OrderBy(e => e.Sequence).Select(e => e.Purpose).ToListAsync(Ct));
        Assert.Contains("desk.consents", purposes);
        Assert.Contains("desk.consents.change", purposes);
        Assert.Contains("api.consents.get", purposes);
        Assert.Contains("api.consents.update", purposes);
    }

    [Fact]
    public async Task ARefusedConsent_IsExplainedInWords_AndNothingIsRecorded()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var url = $"/Members/Consents/{_c.StavangerMembership.Id}";

        var posted = await StaffClient.PostFormAsync(desk, url, new() { ["purpose"] = "Newsletter", ["given"] = "true", ["textVersion"] = "99" });

        var page = await posted.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Teksten er ikke den gjeldende; vis medlemmet den nye teksten.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("error.consent", page, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ConsentRecords.CountAsync(Ct)));
    }

    [Fact]
    public async Task TheDpoReads_ButDoesNotRecord_AndAnotherLibrarySeesNothing()
    {
        var dpo = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.DataProtectionOfficer);
        var url = $"/Members/Consents/{_c.StavangerMembership.Id}";
        Assert.Equal(HttpStatusCode.OK, (await dpo.GetAsync(url, Ct)).StatusCode);
        var posted = await StaffClient.PostFormAsync(dpo, url, new() { ["purpose"] = "Sms", ["given"] = "true", ["textVersion"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/Account/Denied", posted.Headers.Location?.AbsolutePath);
        var states = JsonDocument.Parse(await dpo.GetStringAsync($"/api/v1/memberships/{_c.StavangerMembership.Id}/consents", Ct)).RootElement;
        Assert.DoesNotContain(states.EnumerateArray(), s => s.GetProperty("given").GetBoolean());

        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/api/v1/memberships/{_c.StavangerMembership.Id}/consents", Ct)).StatusCode);
        var put = await bergen.PutAsJsonAsync($"/api/v1/memberships/{_c.StavangerMembership.Id}/consents/Sms", new { given = true, textVersion = 1 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }
}
