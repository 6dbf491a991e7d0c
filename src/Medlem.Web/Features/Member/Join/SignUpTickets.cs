using System.Security.Cryptography;
using System.Text.Json;
using Medlem.Core.Members.SignUp;
using Microsoft.AspNetCore.DataProtection;

namespace Medlem.Web.Features.Member.Join;

/// <summary>Whom the check-your-mail page is about: enough to send the mail again, nothing to show a stranger.</summary>
public sealed record SignUpTicket(SignUpKind Kind, Guid PersonId, int LibraryId, string Email, bool WaitsForGuardian);

/// <summary>
/// The check-your-mail page carries its sign-up in an encrypted, two-hour ticket (Data Protection)
/// instead of a person id, so "send again" works only for the browser that signed up, and the
/// address is not in the page's URL for anyone to read.
/// </summary>
public sealed class SignUpTickets(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Medlem.Member.Join.SignUpTicket").ToTimeLimitedDataProtector();

    public string Protect(SignUpTicket ticket) => _protector.Protect(JsonSerializer.Serialize(ticket), Lifetime);

    /// <summary>The ticket, or null when it is missing, forged, from another installation or too old.</summary>
    public SignUpTicket? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 2_000)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SignUpTicket>(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
