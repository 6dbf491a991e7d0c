using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Privacy;

/// <summary>The erasure instruction is POSTed as JSON to the library's webhook: received here by a real HTTP listener on 127.0.0.1.</summary>
public sealed class ErasureWebhookTests : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly MedlemApplication _app;

    public ErasureWebhookTests()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _app = new MedlemApplication();
        _app.Settings["Medlem:Privacy:ErasureWebhook:stavanger"] = $"http://127.0.0.1:{port}/sletting/";
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Erase_PostsTheInstructionToTheLibrarysWebhook()
    {
        var scenario = await PrivacyScenario.CreateAsync(_app);
        var received = ReceiveAsync();

        var response = await scenario.Desk.PostAsync($"/api/v1/members/{scenario.PersonId}/erase", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (method, path, body) = await received.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(("POST", "/sletting/"), (method, path));
        var instruction = JsonDocument.Parse(body).RootElement;
        Assert.Equal("stavanger", instruction.GetProperty("library").GetString());
        Assert.Equal(PrivacyScenario.Borrowernumber, instruction.GetProperty("librarySystemIds")[0].GetProperty("id").GetString());
        Assert.Equal(PrivacyScenario.Card, instruction.GetProperty("cardNumbers")[0].GetString());
        Assert.Equal("Delivered", JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("webhook").GetString());
    }

    private async Task<(string Method, string Path, string Body)> ReceiveAsync()
    {
        var context = await _listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var result = (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body);
        context.Response.StatusCode = 204;
        context.Response.Close();
        return result;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
