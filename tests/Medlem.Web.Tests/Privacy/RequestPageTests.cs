using System.Net;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Privacy;

/// <summary>A member asks at the desk for their data: the desk registers it, hands over a receipt, and the DPO's queue shows it.</summary>
public sealed class RequestPageTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _c = null!;

    public async ValueTask InitializeAsync() => _c = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDeskRegistersARequest_TheReceiptGivesTheDeadline_AndTheDpoSeesItInTheQueue()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var created = await StaffClient.PostFormAsync(desk, $"/Privacy/Requests/New/{_c.StavangerMember.Id}", new() { ["Kind"] = "Access", ["Channel"] = "Desk" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var id = details[(details.LastIndexOf('/') + 1)..];

        // Received 28 November 2026 (the test clock): due 28 December 2026.
        var receipt = await desk.GetStringAsync($"/Privacy/Requests/Receipt/{id}", Ct);
        Assert.Contains("Stavanger bibliotek har 28.11.2026 mottatt forespørselen din om innsyn. Du får svar senest 28.12.2026.", receipt, StringComparison.Ordinal);

        var dpo = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.DataProtectionOfficer);
        var queue = await dpo.GetStringAsync("/Privacy/Requests", Ct);
        Assert.Contains($"/Privacy/Requests/Details/{id}", queue, StringComparison.Ordinal);
        Assert.Contains("Kari Nordmann", queue, StringComparison.Ordinal);

        var verified = await StaffClient.PostFormAsync(dpo, $"/Privacy/Requests/Details/{id}?handler=Verify", new() { ["verification"] = "IdentityDocumentAtDesk" }, $"/Privacy/Requests/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains("Identitet bekreftet, under behandling", await dpo.GetStringAsync($"/Privacy/Requests/Details/{id}", Ct), StringComparison.Ordinal);

        // Bergen's desk neither sees the request nor can register one for Stavanger's member.
        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Privacy/Requests/Details/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Privacy/Requests/New/{_c.StavangerMember.Id}", Ct)).StatusCode);
        Assert.DoesNotContain(id, await bergen.GetStringAsync("/Privacy/Requests", Ct), StringComparison.Ordinal);
    }
}
