using System.Threading.Channels;
using Medlem.Web.Infrastructure.Mail;

namespace Medlem.Web.Features.Member.Join;

/// <summary>
/// Member mail from strangers' forms (sign-up, "forgot my PIN") is sent after the answer, not
/// during it: the time an answer takes must not tell whether a mail went out, i.e. whether the
/// address or card is known. A lost mail (the process stops) is sent again with "send again" or a
/// new request.
/// </summary>
public sealed class MemberMailOutbox
{
    // Bounded so a flood of posts cannot grow memory without end; the rate limit keeps it far below.
    private readonly Channel<MemberMessage> _channel = Channel.CreateBounded<MemberMessage>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public bool TryEnqueue(MemberMessage message) => _channel.Writer.TryWrite(message);

    public IAsyncEnumerable<MemberMessage> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>Sends the queued member mail, one at a time, each in a scope of its own.</summary>
public sealed partial class MemberMailSender(MemberMailOutbox outbox, IServiceScopeFactory scopes, ILogger<MemberMailSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in outbox.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MemberMail>().SendAsync(message, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The exception's type only: a mail server's message may quote the address.
                LogFailed(message.Template, failure.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send a {Template} message: {ErrorType}")]
    private partial void LogFailed(string template, string errorType);
}
