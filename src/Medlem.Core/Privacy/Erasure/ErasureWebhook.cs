using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Medlem.Core.Privacy.Erasure;

/// <summary>
/// POSTs an erasure instruction as JSON to the library's webhook (<see cref="PrivacyOptions.ErasureWebhook"/>),
/// once, after the erasure is committed. A failure is reported, not retried: Medlem keeps no copy of
/// the instruction, so staff act on the file they downloaded.
/// </summary>
public sealed class ErasureWebhook(HttpClient http, PrivacyOptions options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<WebhookDelivery> SendAsync(ErasureInstruction instruction, CancellationToken ct)
    {
        if (!options.ErasureWebhook.TryGetValue(instruction.Library, out var url) || string.IsNullOrWhiteSpace(url))
        {
            return WebhookDelivery.NotConfigured;
        }

        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(url), instruction, Json, ct);
            return response.IsSuccessStatusCode ? WebhookDelivery.Delivered : WebhookDelivery.Failed;
        }
        catch (HttpRequestException)
        {
            return WebhookDelivery.Failed;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return WebhookDelivery.Failed; // the client's timeout
        }
    }
}
