using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>
/// A real SMTP server on 127.0.0.1 (tests/servers/smtp-catcher.mjs, nodemailer's smtp-server)
/// that keeps what it receives; tests read the messages back and parse them with MimeKit.
/// </summary>
public sealed partial class SmtpCatcher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private SmtpCatcher(Process process, int smtpPort, int httpPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    public int SmtpPort { get; }

    public static async Task<SmtpCatcher> StartAsync()
    {
        var (process, ready) = await NodeServers.StartAsync("smtp-catcher.mjs");
        return new SmtpCatcher(process, ready.GetProperty("smtp").GetInt32(), ready.GetProperty("http").GetInt32());
    }

    /// <summary>The settings that send the application's mail here.</summary>
    public void Configure(MedlemApplication app)
    {
        app.Settings["Medlem:Mail:Host"] = "127.0.0.1";
        app.Settings["Medlem:Mail:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Medlem:Mail:Security"] = "None";
    }

    public async Task<IReadOnlyList<CaughtMail>> MessagesAsync()
    {
        var raw = await _http.GetFromJsonAsync<List<RawMail>>("/messages") ?? [];
        return raw.Select(m => new CaughtMail(m.To, MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Raw))))).ToList();
    }

    /// <summary>The newest message to <paramref name="address"/>, waiting a little for it to arrive.</summary>
    public async Task<CaughtMail> LatestToAsync(string address)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var found = (await MessagesAsync()).LastOrDefault(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No mail to {address} arrived.");
    }

    public async Task ClearAsync() => await _http.DeleteAsync("/messages");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await NodeServers.StopAsync(_process);
    }

    private sealed record RawMail(string From, List<string> To, string Raw);

    public sealed partial record CaughtMail(IReadOnlyList<string> To, MimeMessage Message)
    {
        public string Subject => Message.Subject ?? "";

        public string Text => Message.TextBody ?? "";

        /// <summary>The links in the text, in order.</summary>
        public IReadOnlyList<Uri> Links => LinkPattern().Matches(Text).Select(m => new Uri(m.Value)).ToList();

        [GeneratedRegex(@"https?://[^\s<>""]+")]
        private static partial Regex LinkPattern();
    }
}
