using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Insight;

/// <summary>The JSON API against the hand-counted figures of <see cref="InsightData"/>, its tenancy and its policy.</summary>
public sealed class InsightApiTests : InsightTest
{
    [Fact]
    public async Task Dashboard_GivesTheHandCountedFigures()
    {
        var tables = await TablesAsync("/api/v1/insight/dashboard?period=2026");

        var members = tables["members"];
        Assert.Equal([15, 15], Values(members, "Registrerte medlemmer"));
        Assert.Equal([8, 0], Values(members, "Aktive brukere"));
        Assert.Equal([7, 15], Values(members, "Passive medlemmer"));
        Assert.Equal(7.0 / 15, Values(members, "Passiv andel")[0]!.Value, 6);
        Assert.Equal(12, Values(members, "Utlån")[0]);
        Assert.Equal(0.8, Values(members, "Utlån per medlem")[0]!.Value, 6);
        Assert.Contains("7 av 15 medlemmer (47 %) brukte ikke biblioteket i perioden.", Findings(members));

        Assert.Equal([7, 7.0 / 15], Values(tables["loan-buckets"], "0"));
        Assert.Equal(8, Values(tables["loan-buckets"], "1–3")[0]);
        Assert.Contains("8 medlemmer lånte 1–3 ganger: den letteste gruppen å få til å låne mer.", Findings(tables["loan-buckets"]));

        var bands = tables["age-bands"];
        Assert.Equal(5, Values(bands, "30–44")[0]);
        Assert.Equal(1.2, Values(bands, "30–44")[2]!.Value, 6);
        Assert.Equal(0.8, Values(bands, "45–66")[2]!.Value, 6);
        Assert.Equal(1, Values(bands, "45–66")[3]);
        Assert.Equal(["Medlemmer i alderen 45–66 lånte i snitt 0,8 ganger, færrest av alle aldersgrupper; 30–44 lånte mest (1,2)."], Findings(bands));

        Assert.Equal(8, Values(tables["overlap"], "utlån")[0]);
        Assert.Equal(7, Values(tables["overlap"], "ingen bruk")[0]);
        Assert.Equal(["Den vanligste kombinasjonen av bruk er utlån (8 medlemmer)."], Findings(tables["overlap"]));

        Assert.Equal(12, Values(tables["national"], "Utlån (førstegangsutlån)")[0]);
        Assert.Equal(1, Values(tables["national"], "Utlån til barn (0–14 år)")[0]);
        Assert.Equal(11, Values(tables["national"], "Utlån til voksne (15 år og eldre)")[0]);
        Assert.Equal(8, Values(tables["national"], "Aktive lånere")[0]);
    }

    [Fact]
    public async Task HiddenCell_IsSuppressedWithoutValue_AsLessThanK()
    {
        var tables = await TablesAsync("/api/v1/insight/dashboard?period=2026");
        var row = Row(tables["age-bands"], InsightData.HiddenBand);
        foreach (var cell in row.GetProperty("cells").EnumerateArray())
        {
            Assert.True(cell.GetProperty("suppressed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("value").ValueKind);
            Assert.Equal("<5", cell.GetProperty("text").GetString());
        }

        Assert.DoesNotContain("\"value\":2", row.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task National_GivesOnlyTheNationalTables_ForAYear()
    {
        var response = await Analyst.GetFromJsonAsync<JsonElement>("/api/v1/insight/national?year=2026", TestContext.Current.CancellationToken);
        Assert.Equal(["national", "national-events"], response.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("2026", response.GetProperty("period").GetString());
        var bad = await Analyst.GetAsync("/api/v1/insight/national?year=26", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task AnotherLibrary_IsNotFound_AndItsBranchOrTypeIsRejected()
    {
        var ct = TestContext.Current.CancellationToken;
        var bergenBranch = await App.WithDbAsync(db => db.Branches.Where(b => b.LibraryId == Data.Bergen.Id).Select(b => b.Id).SingleAsync(ct));
        var bergenType = await App.WithDbAsync(db => db.MembershipTypes.Where(t => t.LibraryId == Data.Bergen.Id).Select(t => t.Id).FirstAsync(ct));

        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync($"/api/v1/insight/dashboard?library={Data.Bergen.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync($"/api/v1/insight/national?library={Data.Bergen.Id}&year=2026", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Analyst.GetAsync($"/Insight?library={Data.Bergen.Id}", ct)).StatusCode);

        var branch = await Analyst.GetAsync($"/api/v1/insight/dashboard?branch={bergenBranch}", ct);
        Assert.Equal(HttpStatusCode.BadRequest, branch.StatusCode);
        var errors = (await branch.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.Equal("Ukjent filial i ditt bibliotek.", errors.GetProperty("branch")[0].GetString());
        var type = await Analyst.GetAsync($"/api/v1/insight/dashboard?membershipType={bergenType}", ct);
        Assert.True((await type.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("membershipType", out _));
        var page = await Analyst.GetStringAsync($"/Insight?branch={bergenBranch}", ct);
        Assert.Contains("Ukjent filial i ditt bibliotek.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"insight\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consortium_IsTheSumOfBothLibraries()
    {
        var response = await Analyst.GetFromJsonAsync<JsonElement>("/api/v1/insight/dashboard?library=all&period=2026", TestContext.Current.CancellationToken);
        Assert.True(response.GetProperty("consortium").GetBoolean());
        Assert.Equal("Hele samarbeidet", response.GetProperty("scope").GetString());
        var members = response.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "members");
        // Stavanger's 15 and Bergen's Ola.
        Assert.Equal(16, Values(members, "Registrerte medlemmer")[0]);
    }

    [Fact]
    public async Task BadFilters_AreValidationProblems()
    {
        var response = await Analyst.GetAsync("/api/v1/insight/dashboard?period=2026-13&ageBand=7-9&library=x", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("period", out _));
        Assert.True(errors.TryGetProperty("ageBand", out _));
        Assert.True(errors.TryGetProperty("library", out _));
    }

    [Fact]
    public async Task OnlyAnalystsAndAdministrators_SeeInsight()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/insight/dashboard", ct)).StatusCode);
        Assert.Contains("/Account/Login", (await anonymous.GetAsync("/Insight", ct)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        foreach (var role in Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None))
        {
            var client = await StaffClient.LoginAsync(App, "stavanger", role);
            var allowed = role is StaffRoles.Analyst or StaffRoles.Administrator;
            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/insight/national?year=2026", ct)).StatusCode);
            var page = await client.GetAsync("/innsikt/rapport?period=2026", ct);
            Assert.True(allowed ? page.StatusCode == HttpStatusCode.OK : page.Headers.Location?.OriginalString.Contains("/Account/Denied", StringComparison.Ordinal) == true, $"{role}: {page.StatusCode}");
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheInsightEndpoints()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/insight/dashboard", "/api/v1/insight/national" })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            Assert.True(responses.TryGetProperty("200", out _) && responses.TryGetProperty("400", out _) && responses.TryGetProperty("404", out _), path);
        }
    }

    private async Task<Dictionary<string, JsonElement>> TablesAsync(string url)
    {
        var raw = await Analyst.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(raw.IsSuccessStatusCode, string.Join("\n", App.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).Take(1).Select(l => l[..Math.Min(l.Length, 3000)])));
        var response = await raw.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return response.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
    }

    private static JsonElement Row(JsonElement table, string label) =>
        table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == label);

    private static double?[] Values(JsonElement table, string label) =>
        [.. Row(table, label).GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("value").ValueKind == JsonValueKind.Null ? null : (double?)c.GetProperty("value").GetDouble())];

    private static string[] Findings(JsonElement table) => [.. table.GetProperty("findings").EnumerateArray().Select(f => f.GetString()!)];
}
