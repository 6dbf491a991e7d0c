using MailKit.Security;

namespace Medlem.Web.Infrastructure.Mail;

/// <summary>
/// Where member mail goes, from configuration section <c>Medlem:Mail</c>. With a
/// <see cref="Host"/>, over SMTP; without one (the default for a first <c>dotnet run</c>),
/// each message is written as an .eml file to <see cref="PickupDirectory"/> so nothing is sent
/// to anyone by accident and a developer can open the links.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Medlem:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Biblioteket <ikke-svar@medlem.example>";

    /// <summary>Relative to the web project's folder when not absolute.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
}
