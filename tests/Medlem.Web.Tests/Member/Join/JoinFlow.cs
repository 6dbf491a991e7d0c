using System.Web;
using Medlem.Core.Members;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>The sign-up and reset forms as a browser posts them, and a snapshot of everything a link could change.</summary>
internal static class JoinFlow
{
    /// <summary>An unusual name and address, so a test can search the log for them.</summary>
    public const string GivenName = "Solveig";
    public const string FamilyName = "Fjellstadvik";
    public const string Email = "solveig.fjellstadvik@example.org";
    public const string Password = "Solveig-passord-2026";

    public static Dictionary<string, string> Adult(string email = Email, string library = "stavanger", string birthYear = "1990") => new()
    {
        ["GivenName"] = GivenName,
        ["FamilyName"] = FamilyName,
        ["Email"] = email,
        ["BirthYear"] = birthYear,
        ["LibraryCode"] = library,
        ["Password"] = Password,
        ["Mobile"] = "",
    };

    /// <summary>Posts the sign-up form (antiforgery token from the form page); <paramref name="query"/> e.g. <c>?ui-culture=en</c>.</summary>
    public static Task<HttpResponseMessage> SignUpAsync(HttpClient client, Dictionary<string, string> fields, string query = "") =>
        StaffClient.PostFormAsync(client, "/bli-medlem" + query, fields, "/bli-medlem" + query);

    /// <summary>The newest mail to <paramref name="to"/>'s link to <paramref name="path"/>.</summary>
    public static async Task<Uri> LinkAsync(SmtpCatcher smtp, string to, string path)
    {
        var mail = await smtp.LatestToAsync(to);
        return mail.Links.FirstOrDefault(l => l.AbsolutePath == path)
            ?? throw new InvalidOperationException($"The mail \"{mail.Subject}\" has no link to {path}.");
    }

    public static string TokenOf(Uri link) => HttpUtility.ParseQueryString(link.Query)["t"] ?? "";

    /// <summary>Presses the confirm button of a confirmation link (the token travels in the form, as the page sends it).</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, Uri link) => ConfirmAsync(client, TokenOf(link));

    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string token) =>
        StaffClient.PostFormAsync(client, "/bekreft-epost?t=" + Uri.EscapeDataString(token), new() { ["t"] = token }, "/bli-medlem");

    public static Task<HttpResponseMessage> NewPinAsync(HttpClient client, string token, string? pin, string? password = null)
    {
        var fields = new Dictionary<string, string> { ["t"] = token };
        if (pin is not null)
        {
            fields["Pin"] = pin;
        }

        if (password is not null)
        {
            fields["Password"] = password;
        }

        return StaffClient.PostFormAsync(client, "/ny-pin?t=" + Uri.EscapeDataString(token), fields, "/bli-medlem");
    }

    public static bool SetsMemberCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("medlem.member=", StringComparison.Ordinal) && !c.StartsWith("medlem.member=;", StringComparison.Ordinal));

    /// <summary>Everything following a link could change (people, addresses, memberships, links, accounts), as text.</summary>
    public static Task<string> SnapshotAsync(MedlemApplication app) => app.WithDbAsync(async db =>
    {
        var lines = new List<string>();
        lines.AddRange((await db.People.AsNoTracking().ToListAsync()).OrderBy(p => p.Id).Select(p => $"person {p.Id} {p.GivenName} {p.UpdatedAt:O}"));
        lines.AddRange((await db.ContactPoints.AsNoTracking().ToListAsync()).OrderBy(c => c.Id).Select(c => $"contact {c.PersonId} {c.Value} {c.Verified} {c.VerifiedAt:O}"));
        lines.AddRange((await db.Memberships.AsNoTracking().ToListAsync()).OrderBy(m => m.Id).Select(m => $"membership {m.Id} {m.Verification} {m.VerifiedAt:O}"));
        lines.AddRange((await db.MemberLinks.AsNoTracking().ToListAsync()).OrderBy(l => l.Id).Select(l => $"link {l.Id} {l.UsedAt:O} {l.ExpiresAt:O}"));
        lines.AddRange((await db.MemberAccounts.AsNoTracking().ToListAsync()).OrderBy(a => a.PersonId)
            .Select(a => $"account {a.PersonId} {a.PinHash} {a.PasswordHash} {a.LastSignInAt:O} {a.FailedSignIns} {a.LockedUntil:O}"));
        return string.Join("\n", lines);
    });

    public static Task<Membership> MembershipOfAsync(MedlemApplication app, string email) => app.WithDbAsync(db =>
        db.Memberships.Include(m => m.Cards).Include(m => m.MembershipType)
            .SingleAsync(m => db.ContactPoints.Any(c => c.PersonId == m.PersonId && c.Kind == ContactKind.Email && c.Value == email)));
}
