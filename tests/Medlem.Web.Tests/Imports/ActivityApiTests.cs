using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Activity;
using Medlem.Core.Consortium;
using Medlem.Statistics;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Imports;

/// <summary>POST /api/v1/activity/{kind} as connected systems call it: with an API key and nothing else.</summary>
public sealed class ActivityApiTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _data = await TestConsortium.SeedAsync(_app);
        _client = _app.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ValidKey_ImportsTheBatch_AndReportsRejectedRows_WithoutTheirValues()
    {
        var key = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");

        var response = await ImportTestClient.PostBatchAsync(_client, "loans", key, ImportFiles.LoansBatchJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var result = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Completed", result.GetProperty("state").GetString());
        // ImportFiles.LoansBatchJson: read 5, loaded 3, already there 0, rejected 2, unmatched 1, anonymous 1.
        Assert.Equal((5, 3, 0, 2, 1, 1), (Int(result, "rowsRead"), Int(result, "rowsLoaded"), Int(result, "rowsDuplicate"),
            Int(result, "rowsRejected"), Int(result, "rowsUnmatched"), Int(result, "rowsAnonymous")));
        var rejected = result.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("column").GetString(), r.GetProperty("reason").GetString(), r.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal([(4L, "time", "date.invalid", "ikke en dato eller et tidspunkt"), (5L, "branch", "branch.unknown", "ukjent filialkode")], rejected);
        Assert.DoesNotContain("i går", text, StringComparison.Ordinal);
        Assert.DoesNotContain("filial-x", text, StringComparison.Ordinal);
        Assert.DoesNotContain("value", text, StringComparison.OrdinalIgnoreCase);

        var run = await _app.WithDbAsync(db => db.ImportRuns.SingleAsync());
        Assert.Equal((result.GetProperty("importId").GetInt64(), _data.Stavanger.Id, "api", "Koha Stavanger", "api:Koha Stavanger"),
            (run.Id, run.LibraryId, run.Channel, run.FileName, run.RunBy));
    }

    [Fact]
    public async Task RepeatedIdempotencyKey_ReturnsTheSameImport_AndLoadsNothingTwice()
    {
        var key = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");

        var first = await (await ImportTestClient.PostBatchAsync(_client, "loans", key, ImportFiles.LoansBatchJson, idempotencyKey: "batch-2026-11-10")).Content.ReadAsStringAsync();
        var second = await ImportTestClient.PostBatchAsync(_client, "loans", key, ImportFiles.LoansBatchJson, idempotencyKey: "batch-2026-11-10");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await _app.WithDbAsync(db => db.ImportRuns.CountAsync()));
        Assert.Equal(3, await StoredFactsAsync(_data.Stavanger.Id));

        // Without the key the batch is a new import, and the store finds its three facts already there.
        var third = (await (await ImportTestClient.PostBatchAsync(_client, "loans", key, ImportFiles.LoansBatchJson)).Content.ReadFromJsonAsync<JsonElement>());
        Assert.NotEqual(JsonDocument.Parse(first).RootElement.GetProperty("importId").GetInt64(), third.GetProperty("importId").GetInt64());
        Assert.Equal((0, 3), (Int(third, "rowsLoaded"), Int(third, "rowsDuplicate")));
        Assert.Equal(3, await StoredFactsAsync(_data.Stavanger.Id));
    }

    [Fact]
    public async Task IdempotencyKeys_OfTwoSources_DoNotMeet()
    {
        var koha = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");
        var wifi = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Wifi-portal");

        var first = await (await ImportTestClient.PostBatchAsync(_client, "loans", koha, ImportFiles.LoansBatchJson, idempotencyKey: "2026-11-10")).Content.ReadFromJsonAsync<JsonElement>();
        var other = await (await ImportTestClient.PostBatchAsync(_client, "loans", wifi, ImportFiles.LoansBatchJson, idempotencyKey: "2026-11-10")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotEqual(first.GetProperty("importId").GetInt64(), other.GetProperty("importId").GetInt64());
        Assert.Equal(2, await _app.WithDbAsync(db => db.ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task KeyOfAnotherLibrary_ImportsIntoThatLibrary_NeverIntoThisOne()
    {
        // There is no library parameter at all: a Bergen key posting rows that name Stavanger's
        // card lands in Bergen, where no member holds that card.
        var bergenKey = await ImportTestClient.CreateKeyAsync(_app, _data.Bergen.Id, "Koha Bergen");
        const string batch = """[{"time": "2026-11-10 09:00:00", "branch": "hoved", "type": "issue", "item_id": "B-1", "card_number": "STAV0001"}]""";

        var result = await (await ImportTestClient.PostBatchAsync(_client, "loans", bergenKey, batch)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((1, 1, 1), (Int(result, "rowsRead"), Int(result, "rowsLoaded"), Int(result, "rowsUnmatched")));
        var runs = await _app.WithDbAsync(db => db.ImportRuns.Select(r => r.LibraryId).ToListAsync());
        Assert.Equal([_data.Bergen.Id], runs);
        Assert.Equal(0, await StoredFactsAsync(_data.Stavanger.Id));
        Assert.Equal(1, await StoredFactsAsync(_data.Bergen.Id));
    }

    [Fact]
    public async Task MissingUnknownOrRevokedKey_IsRefused_AndAStaffCookieIsNoKey()
    {
        var key = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");
        await _app.WithDbAsync(async db =>
        {
            var source = await db.ActivitySources.SingleAsync();
            source.RevokedAt = MedlemApplication.Now;
            return await db.SaveChangesAsync();
        });
        var admin = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Administrator);

        foreach (var (client, presented) in new[] { (_client, (string?)null), (_client, "mdl_unknownkeyunknownkeyunknownkeyunknownkeyunk"), (_client, key), (admin, null) })
        {
            var response = await ImportTestClient.PostBatchAsync(client, "loans", presented, ImportFiles.LoansBatchJson);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(0, await _app.WithDbAsync(db => db.ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task Key_OpensNoStaffEndpoint()
    {
        var key = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");

        foreach (var url in new[] { "/api/v1/members?q=Kari", "/api/v1/membership-types" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownKindOrFormat_Is400()
    {
        var key = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");

        var kind = await ImportTestClient.PostBatchAsync(_client, "books", key, ImportFiles.LoansBatchJson);
        var format = await ImportTestClient.PostBatchAsync(_client, "loans?format=marc", key, ImportFiles.LoansBatchJson);

        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.Contains("digital-loans", (await kind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task EmptyBatch_FailsWith400_AndSaysWhy()
    {
        var key = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");

        var response = await ImportTestClient.PostBatchAsync(_client, "loans?ui-culture=en", key, "[]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("file.empty", problem.GetProperty("reason").GetString());
        Assert.Equal("the file is empty", problem.GetProperty("detail").GetString());
        var run = await _app.WithDbAsync(db => db.ImportRuns.SingleAsync());
        Assert.Equal((problem.GetProperty("importId").GetInt64(), ImportState.Failed), (run.Id, run.State));
    }

    [Fact]
    public async Task CutOffJson_LoadsTheWholeObjects_AndReportsTheCutOne()
    {
        var key = await ImportTestClient.CreateKeyAsync(_app, _data.Stavanger.Id, "Koha Stavanger");

        // The first 140 characters of ImportFiles.LoansBatchJson: "[", the first object whole (a
        // member's issue), and the start of the second, cut off (a bad row, like a CSV row cut short).
        var response = await ImportTestClient.PostBatchAsync(_client, "loans", key, ImportFiles.LoansBatchJson[..140]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2L, 1L, 1L), (result.GetProperty("rowsRead").GetInt64(), result.GetProperty("rowsLoaded").GetInt64(), result.GetProperty("rowsRejected").GetInt64()));
        var rejected = Assert.Single(result.GetProperty("rejected").EnumerateArray());
        Assert.Equal((2L, ImportReasons.Shape), (rejected.GetProperty("line").GetInt64(), rejected.GetProperty("reason").GetString()));
        var run = await _app.WithDbAsync(db => db.ImportRuns.SingleAsync());
        Assert.Equal((ImportState.Completed, (DateTimeOffset?)run.FinishedAt), (run.State, run.FinishedAt));
        Assert.Equal(1, await StoredFactsAsync(_data.Stavanger.Id));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoint_AndItsApiKey()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

        var post = document.GetProperty("paths").GetProperty("/api/v1/activity/{kind}").GetProperty("post");
        foreach (var status in new[] { "200", "400", "401" })
        {
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), $"POST /activity/{{kind}} must document {status}");
        }

        var parameters = post.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Idempotency-Key", parameters);
        Assert.Contains("format", parameters);
        Assert.True(post.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
    }

    private async Task<long> StoredFactsAsync(int libraryId)
    {
        await using var duck = await _app.Services.GetRequiredService<StatisticsStore>().OpenAsync();
        return await duck.ScalarAsync<long>($"SELECT count(*) FROM fact WHERE library_id = {libraryId}");
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();
}
