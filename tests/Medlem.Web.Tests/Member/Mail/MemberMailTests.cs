using Medlem.Web.Infrastructure.Mail;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.Mail;

/// <summary>Member mail goes over real SMTP to a real server (or into the pickup folder without a host), is recorded, and is never logged with its address.</summary>
public sealed class MemberMailTests
{
    [Fact]
    public async Task AMessage_ArrivesOverSmtp_WithNorwegianLetters_IsRecorded_AndTheLogHasNoAddress()
    {
        await using var smtp = await SmtpCatcher.StartAsync();
        await using var app = new MedlemApplication();
        smtp.Configure(app);
        var data = await TestConsortium.SeedAsync(app);

        await SendAsync(app, data, "Bekreft e-postadressen din – Bærum og Ålesund");

        var mail = await smtp.LatestToAsync("kari.nordmann@example.org");
        Assert.Equal("Bekreft e-postadressen din – Bærum og Ålesund", mail.Subject);
        Assert.Equal(new Uri("https://medlem.example/bekreft?t=abc"), Assert.Single(mail.Links));
        var record = await app.WithDbAsync(db => db.SentMessages.SingleAsync());
        Assert.Equal(("confirm-email", "kari.nordmann@example.org", data.StavangerMember.Id), (record.Template, record.SentTo, record.PersonId));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("kari.nordmann", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(app.Logs.Lines, line => line.Contains("confirm-email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAHost_TheMessageIsWrittenToThePickupFolder_AndSentToNoOne()
    {
        await using var app = new MedlemApplication();
        var pickup = Path.Combine(app.DataDirectory, "mail");
        app.Settings["Medlem:Mail:PickupDirectory"] = pickup;
        var data = await TestConsortium.SeedAsync(app);

        await SendAsync(app, data, "Hei");

        var file = Assert.Single(Directory.GetFiles(pickup, "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("kari.nordmann@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("https://medlem.example/bekreft?t=abc", message.TextBody, StringComparison.Ordinal);
    }

    private static async Task SendAsync(MedlemApplication app, TestConsortium data, string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MemberMail>().SendAsync(
            new MemberMessage(data.StavangerMember.Id, data.Stavanger.Id, "confirm-email", "kari.nordmann@example.org", subject, "Følg lenken: https://medlem.example/bekreft?t=abc\n"),
            CancellationToken.None);
    }
}
