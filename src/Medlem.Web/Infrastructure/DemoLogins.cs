using System.Globalization;
using System.Text;
using Medlem.Core.Data;
using Medlem.Core.Demo;
using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Web.Features.Member.Login;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Infrastructure;

/// <summary>A demo member who can sign in on the members' pages with card and <see cref="DemoLogins.MemberPin"/>.</summary>
public sealed record DemoMemberLogin(string LibraryCode, string CardNumber, string Kind);

/// <summary>The console text after a demo load: what was loaded and how to log in. Demo accounts only; real passwords are never printed.</summary>
public static class DemoLogins
{
    /// <summary>The PIN of the demo members printed after the load (synthetic people only).</summary>
    public const string MemberPin = "1234";

    /// <summary>The library whose demo members get a PIN.</summary>
    public const string MemberLibrary = "stavanger";

    public static string Format(DemoLoadSummary summary, IReadOnlyList<DemoMemberLogin>? members = null)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {summary.People:N0} people, {summary.Memberships:N0} memberships and {summary.Cards:N0} cards in {summary.Libraries.Count} libraries."));
        text.AppendLine(CultureInfo.InvariantCulture, $"Demo staff logins (password for all: {DemoConsortium.DemoPassword}):");
        foreach (var login in summary.Logins.OrderBy(l => l.LibraryCode, StringComparer.Ordinal).ThenBy(l => l.UserName, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {login.UserName,-28} {login.LibraryCode,-24} {login.Roles}");
        }

        if (members is { Count: > 0 })
        {
            text.AppendLine("Demo member logins at /logg-inn:");
            foreach (var member in members)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  library {member.LibraryCode}, card {member.CardNumber}, PIN {MemberPin}   ({member.Kind})");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Gives three demo members of Stavanger the demo PIN — an adult borrower, a youth and a
    /// digital member, each with an active card of a membership in force — so that the members'
    /// pages can be tried at once. The first card number of each kind is taken, so the same seed
    /// gives the same logins. Three hashes: cheap.
    /// </summary>
    public static async Task<IReadOnlyList<DemoMemberLogin>> GiveMembersPinsAsync(MedlemDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var library = await db.Libraries.Where(l => l.Code == MemberLibrary).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        if (library is not { } libraryId)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var credentials = new MemberCredentials(db, new PasswordHasher<MemberAccount>(), clock);
        var logins = new List<DemoMemberLogin>();
        foreach (var (code, kind) in new[]
        {
            (DefaultMembershipTypes.Codes.Borrower, "adult borrower"),
            (DefaultMembershipTypes.Codes.Youth, "youth"),
            (DefaultMembershipTypes.Codes.Digital, "digital member"),
        })
        {
            var candidate = await db.Memberships
                .Where(m => m.LibraryId == libraryId && m.MembershipType!.Code == code && m.BlockedAt == null
                    && m.ValidFrom <= today && (m.ValidTo == null || m.ValidTo >= today)
                    && m.Verification >= m.MembershipType.RequiredVerification)
                .SelectMany(m => m.Cards.Where(c => c.Status == CardStatus.Active), (m, c) => new { m.PersonId, c.Number })
                .OrderBy(c => c.Number)
                .FirstOrDefaultAsync(ct);
            if (candidate is not null)
            {
                await credentials.SetPinAsync(candidate.PersonId, MemberPin, ct);
                logins.Add(new DemoMemberLogin(MemberLibrary, candidate.Number, kind));
            }
        }

        return logins;
    }
}
