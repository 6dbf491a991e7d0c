using System.Net;
using System.Net.Http.Json;
using Medlem.Core.Consortium;
using Medlem.Core.Privacy.Restriction;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Privacy;

/// <summary>Restriction, objection and legal holds through the API and the desk page, with tenancy.</summary>
public sealed class RestrictionApiTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;

    public async ValueTask InitializeAsync() => _data = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnErasureWithAnOpenFee_Is409AndRestricts_ThenSettlingTheFeeErasesTheMember()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var kari = _data.StavangerMembership.Id;

        var hold = await desk.PostAsJsonAsync($"/api/v1/memberships/{kari}/holds", new { kind = "UnpaidFee", reference = "FAKTURA-1042", amount = 350 });
        Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        var holdId = (await hold.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();

        var erase = await desk.PostAsync($"/api/v1/members/{_data.StavangerMember.Id}/erase", null);
        Assert.Equal(HttpStatusCode.Conflict, erase.StatusCode);
        Assert.Contains("FAKTURA-1042 (350,00 kr)", await erase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ProcessingLimit.ErasurePending, await _app.WithDbAsync(db => db.Memberships.Where(m => m.Id == kari).Select(m => m.Limit).SingleAsync()));
        var lift = await desk.DeleteAsync($"/api/v1/memberships/{kari}/restriction");
        Assert.Equal(HttpStatusCode.BadRequest, lift.StatusCode); // an erasure waiting for a hold is not lifted

        var settle = await desk.PostAsync($"/api/v1/holds/{holdId}/settle", null);
        Assert.Equal(HttpStatusCode.OK, settle.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.People.AnyAsync(p => p.Id == _data.StavangerMember.Id)));
    }

    [Fact]
    public async Task AnotherLibrarysStaff_GetNotFound_ForTheMembershipAndItsHolds()
    {
        var stavanger = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var hold = await stavanger.PostAsJsonAsync($"/api/v1/memberships/{_data.StavangerMembership.Id}/holds", new { kind = "OpenLoan", reference = "LÅN-77" });
        var holdId = (await hold.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);

        Assert.Equal(HttpStatusCode.NotFound, (await bergen.PostAsJsonAsync($"/api/v1/memberships/{_data.StavangerMembership.Id}/restriction", new { limit = "Restricted" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.PostAsync($"/api/v1/holds/{holdId}/settle", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Members/Restriction/{_data.StavangerMembership.Id}")).StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.LegalHolds.Where(h => h.Id == holdId).Select(h => h.SettledAt).SingleAsync()));
    }

    [Fact]
    public async Task TheDeskPage_RestrictsAndLifts_AndAnInvalidHoldIsExplainedAndNotStored()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var url = $"/Members/Restriction/{_data.StavangerMembership.Id}";
        var first = await desk.GetAsync(url);
        Assert.True(first.IsSuccessStatusCode, string.Join("\n", _app.Logs.Lines.TakeLast(5)));
        Assert.Contains("Ingen begrensning", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var restrict = await StaffClient.PostFormAsync(desk, url + "?handler=Limit", new() { ["limit"] = "Restricted" }, url);
        Assert.Equal(HttpStatusCode.Redirect, restrict.StatusCode);
        Assert.Contains("Begrenset (art. 18)", await desk.GetStringAsync(url), StringComparison.Ordinal);

        var bad = await StaffClient.PostFormAsync(desk, url + "?handler=Hold", new() { ["kind"] = "UnpaidFee", ["reference"] = "", ["amount"] = "-5" }, url);
        var page = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Oppgi referansen i biblioteksystemet", page, StringComparison.Ordinal);
        Assert.Contains("Beløpet må være mellom 0 og 1", page, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.LegalHolds.CountAsync()));

        await StaffClient.PostFormAsync(desk, url + "?handler=Lift", [], url);
        Assert.Equal(ProcessingLimit.None, await _app.WithDbAsync(db => db.Memberships.Where(m => m.Id == _data.StavangerMembership.Id).Select(m => m.Limit).SingleAsync()));
    }
}
