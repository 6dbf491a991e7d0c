using System.Globalization;
using System.Text;
using Medlem.Core.Demo;

namespace Medlem.Web.Infrastructure;

/// <summary>The console text after a demo load: what was loaded and how to log in. Demo accounts only; real passwords are never printed.</summary>
public static class DemoLogins
{
    public static string Format(DemoLoadSummary summary)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {summary.People:N0} people, {summary.Memberships:N0} memberships and {summary.Cards:N0} cards in {summary.Libraries.Count} libraries."));
        text.AppendLine(CultureInfo.InvariantCulture, $"Demo staff logins (password for all: {DemoConsortium.DemoPassword}):");
        foreach (var login in summary.Logins.OrderBy(l => l.LibraryCode, StringComparer.Ordinal).ThenBy(l => l.UserName, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {login.UserName,-28} {login.LibraryCode,-24} {login.Roles}");
        }

        return text.ToString();
    }
}
