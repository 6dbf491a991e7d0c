using Medlem.Core.Data;
using Medlem.Core.Messaging;
using MimeKit;
using Microsoft.Extensions.Options;
using SmtpClient = MailKit.Net.Smtp.SmtpClient;

namespace Medlem.Web.Infrastructure.Mail;

/// <summary>A message to one person on behalf of one library; <see cref="Template"/> names its kind in the record.</summary>
public sealed record MemberMessage(Guid PersonId, int LibraryId, string Template, string To, string Subject, string TextBody);

/// <summary>
/// Sends member mail (MailKit over SMTP, or into the pickup folder without a host) and records
/// that it was sent (<see cref="SentMessage"/>: kind, address, time; never the text, whose links
/// are secrets). The log names the kind only, never the address.
/// </summary>
public sealed partial class MemberMail(
    MedlemDbContext db, IOptions<MailOptions> options, TimeProvider clock, ILogger<MemberMail> log, IHostEnvironment? environment = null)
{
    public async Task SendAsync(MemberMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        using var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = clock.GetUtcNow();
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            // The command line has no host environment: it runs in the web project's folder.
            var folder = Path.Combine(environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            await mime.WriteToAsync(Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}.eml"), ct);
        }
        else
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }

            await smtp.SendAsync(mime, ct);
            await smtp.DisconnectAsync(quit: true, ct);
        }

        db.SentMessages.Add(new SentMessage
        {
            PersonId = message.PersonId, LibraryId = message.LibraryId, Template = message.Template, SentTo = message.To, SentAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        LogSent(message.Template);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a {Template} message")]
    private partial void LogSent(string template);
}
