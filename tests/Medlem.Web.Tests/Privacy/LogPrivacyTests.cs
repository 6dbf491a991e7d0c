using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.Imports;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Privacy;

/// <summary>
/// DESIGN.md §4: logs never contain personal data. A full register–read–search–edit cycle, and an
/// import cycle (upload, error report, API batch), are run with every log level on, and the
/// captured log is searched for the person's data, the imported rows' values and the API key.
/// </summary>
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

        AssertNoLeaks(["Torbjørg", "Spesielnavnsen", "spesielnavnsen", "01129910042", "01129910043", "torbjorg.spesiel", "98765432", "UNIK12345"]);
    }

    [Fact]
    public async Task ImportCycle_LeavesNoRowValuesOrKeysInTheLogs()
    {
        var analyst = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Analyst);
        var upload = await ImportTestClient.UploadAsync(analyst, "loans", "utlan.csv", ImportFiles.StavangerLoansCsv);
        var id = ImportTestClient.RunId(upload);
        await analyst.GetAsync($"/Imports/Details/{id}");
        await analyst.GetAsync($"/Imports/Details/{id}?handler=Errors");
        var stavanger = await _app.WithDbAsync(db => db.Libraries.Where(l => l.Code == "stavanger").Select(l => l.Id).SingleAsync());
        var key = await ImportTestClient.CreateKeyAsync(_app, stavanger, "Koha Stavanger");
        var api = _app.CreateClient();
        await ImportTestClient.PostBatchAsync(api, "loans", key, ImportFiles.LoansBatchJson, idempotencyKey: "batch-1");
        await ImportTestClient.PostBatchAsync(api, "loans", key, ImportFiles.LoansBatchJson[..120]);
        await ImportTestClient.PostBatchAsync(api, "loans", key + "x", ImportFiles.LoansBatchJson);

        // Card numbers and a bad value of the upload (ImportFiles.StavangerLoansCsv) and of the batch, and the key.
        AssertNoLeaks(["UKJENT99", "2026-13-01", "ANNET77", "i går", "filial-x", key[4..]]);
    }

    private void AssertNoLeaks(string[] secrets)
    {
        Assert.NotEmpty(_app.Logs.Lines);
        var leaks = _app.Logs.Lines.Where(line => secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Empty(leaks);
    }
}
