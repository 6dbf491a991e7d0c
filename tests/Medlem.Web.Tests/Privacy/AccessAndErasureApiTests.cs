using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Privacy;

/// <summary>The access export's content, the portability package, tenancy and roles of both requests, and the erasure webhook.</summary>
public sealed class AccessAndErasureApiTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private PrivacyScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PrivacyScenario.CreateAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Export_HoldsEveryPieceOfDataWritten_AndEveryImportedFact()
    {
        var json = await _scenario.Desk.GetStringAsync($"/api/v1/members/{_scenario.PersonId}/export");

        // Hand-listed: what PrivacyScenario wrote through the API and the two Koha uploads.
        foreach (var written in new[]
        {
            PrivacyScenario.GivenName, PrivacyScenario.FamilyName, "1952-10-12", PrivacyScenario.Street, "4006", PrivacyScenario.Email,
            "+47" + PrivacyScenario.Mobile, PrivacyScenario.Card, PrivacyScenario.Borrowernumber, "Koha", _scenario.Pseudonym.ToString(), "VOKSEN",
            "2026-11-02", "2026-11-10", "2026-11-20", "ROMAN", "KRIM", "FILM", "DVD", "Stavanger hovedbibliotek", "stavanger",
        })
        {
            Assert.Contains(written, json, StringComparison.Ordinal);
        }

        var export = JsonDocument.Parse(json).RootElement;
        Assert.Equal(PrivacyScenario.Loans, export.GetProperty("activity").GetArrayLength());
        Assert.All(export.GetProperty("activity").EnumerateArray(), f => Assert.Equal("Loan", f.GetProperty("kind").GetString()));
        // Masked, with the note that says why; never the full number.
        Assert.Equal("129052*****", export.GetProperty("person").GetProperty("nationalIdentityNumber").GetString());
        Assert.DoesNotContain(PrivacyScenario.Nin, json, StringComparison.Ordinal);
        // Consents, requests, the audit trail and the sign-in account each add their section; the desk's reads of this person
        // (registration, the import's pages, this very export's member lookups) are in the audit section.
        var sections = export.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        Assert.Equal(["consents", "requests", "audit", "restrictions", "account"], sections.Keys);
        Assert.All(sections.Values, s => Assert.Equal("recorded", s.GetProperty("status").GetString()));
        Assert.Contains(sections["audit"].GetProperty("entries").EnumerateArray(), e => e.GetProperty("purpose").GetString() == "api.members.create");
    }

    [Fact]
    public async Task ExportPage_AndDownloads_ShowThePerson_AndThePortabilityZipHasJsonAndCsv()
    {
        var page = await _scenario.Desk.GetStringAsync($"/Privacy/Access/{_scenario.PersonId}");
        Assert.Contains(PrivacyScenario.Email, page, StringComparison.Ordinal);
        Assert.Contains("129052*****", page, StringComparison.Ordinal);

        var download = await _scenario.Desk.GetAsync($"/Privacy/Access/{_scenario.PersonId}?handler=Json");
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(PrivacyScenario.FamilyName, download.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);

        var zip = await _scenario.Desk.GetByteArrayAsync($"/Privacy/Access/{_scenario.PersonId}?handler=Portability");
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["activity.csv", "activity.json", "person.csv", "person.json"], archive.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(archive.GetEntry("activity.csv")!.Open(), Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + PrivacyScenario.Loans, lines.Length);
    }

    [Fact]
    public async Task AnotherLibrarysStaff_GetNotFound_AndAnalystAndAdministrator_AreForbidden()
    {
        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/api/v1/members/{_scenario.PersonId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.PostAsync($"/api/v1/members/{_scenario.PersonId}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Privacy/Access/{_scenario.PersonId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bergen.GetAsync($"/Privacy/Erasure/{_scenario.PersonId}")).StatusCode);

        foreach (var role in new[] { StaffRoles.Analyst, StaffRoles.Administrator })
        {
            var client = await StaffClient.LoginAsync(_app, "stavanger", role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/members/{_scenario.PersonId}/export")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/members/{_scenario.PersonId}/erase", null)).StatusCode);
            var page = await client.GetAsync($"/Privacy/Access/{_scenario.PersonId}");
            Assert.Contains("/Account/Denied", page.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(1, await _app.WithDbAsync(db => db.People.CountAsync(p => p.Id == _scenario.PersonId)));
    }

    [Fact]
    public async Task ErasePage_AsksForConfirmation_ThenAnswersWithTheInstructionCsv()
    {
        var url = $"/Privacy/Erasure/{_scenario.PersonId}";
        var unconfirmed = await StaffClient.PostFormAsync(_scenario.Desk, url, new() { ["format"] = "csv" });
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.People.CountAsync(p => p.Id == _scenario.PersonId)));

        var erased = await StaffClient.PostFormAsync(_scenario.Desk, url, new() { ["confirm"] = "true", ["format"] = "csv" });
        Assert.Equal("text/csv", erased.Content.Headers.ContentType?.MediaType);
        var csv = await erased.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"stavanger;", csv, StringComparison.Ordinal);
        Assert.Contains($";borrower;Koha;{PrivacyScenario.Borrowernumber}", csv, StringComparison.Ordinal);
        Assert.Contains($";card;;{PrivacyScenario.Card}", csv, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.People.CountAsync(p => p.Id == _scenario.PersonId)));
        Assert.Equal(HttpStatusCode.NotFound, (await _scenario.Desk.GetAsync(url)).StatusCode);
    }
}
