using System.Net;
using System.Text.Json;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Api;

public sealed class OpenApiTests : IAsyncDisposable
{
    private readonly MedlemApplication _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_DescribesTheRegisterEndpoints()
    {
        var client = _app.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.Equal("Medlem API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/members", "/api/v1/members/{id}", "/api/v1/memberships/{id}/cards", "/api/v1/cards/{id}/status", "/api/v1/membership-types" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        var post = paths.GetProperty("/api/v1/members").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _), "POST /members must document its validation problem");
        Assert.True(paths.GetProperty("/api/v1/members/{id}/export").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _), "the access export must document its not-found problem");
        Assert.True(paths.GetProperty("/api/v1/members/{id}/erase").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _), "the erasure must document the hold that refuses it");
        var get = paths.GetProperty("/api/v1/members/{id}").GetProperty("get");
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _), "GET /members/{id} must document its not-found problem");
    }

    [Fact]
    public async Task ApiReference_And_Health_AreServed()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }
}
