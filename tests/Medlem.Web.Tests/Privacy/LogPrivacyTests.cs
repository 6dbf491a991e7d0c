using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Privacy;

/// <summary>DESIGN.md §4: logs never contain personal data. A full register–read–search–edit cycle is run with every log level on, and the captured log is searched for the person's data.</summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();

    public async ValueTask InitializeAsync() => await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FullRequestCycle_LeavesNoPersonalDataInTheLogs()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var created = await desk.PostAsJsonAsync("/api/v1/members", new
        {
            givenName = "Torbjørg", familyName = "Spesielnavnsen", birthDate = "1999-12-01", nationalIdentityNumber = "01129910042",
            email = "torbjorg.spesiel@example.org", mobile = "98765432", membershipTypeCode = "VOKSEN", verification = "IdentityCheckedAtDesk",
            cardNumber = "UNIK12345",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await desk.GetAsync($"/api/v1/members/{id}");
        await desk.GetAsync("/api/v1/members?q=spesielnavnsen");
        await desk.GetAsync("/Members?q=torbjorg.spesiel@example.org");
        await desk.GetAsync($"/Members/Details/{id}");
        await desk.PostAsJsonAsync("/api/v1/members", new { givenName = "Torbjørg\u0007", familyName = "Spesielnavnsen", nationalIdentityNumber = "01129910043" });

        Assert.NotEmpty(_app.Logs.Lines);
        var secrets = new[] { "Torbjørg", "Spesielnavnsen", "spesielnavnsen", "01129910042", "01129910043", "torbjorg.spesiel", "98765432", "UNIK12345" };
        var leaks = _app.Logs.Lines.Where(line => secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Empty(leaks);
    }
}
