using Medlem.Core.Data;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Login;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Member.Join;

/// <summary>
/// After the sign-up: "check your e-mail", the address to check for typing errors, and "send
/// again". Looks the same whether the person is new or already a member; "send again" sends the
/// same kind of mail again, at most three an hour.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
public sealed class CheckEmailModel(SignUpTickets tickets, ResendConfirmation resend, JoinMails mails, MedlemDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "b")] public string? Ticket { get; set; }

    public SignUpTicket? SignUp { get; private set; }

    public bool Resent { get; private set; }

    public IActionResult OnGet()
    {
        SignUp = tickets.Read(Ticket);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SignUp = tickets.Read(Ticket);
        if (SignUp is null)
        {
            return Page();
        }

        if (SignUp.Kind == SignUpKind.NewMember)
        {
            if (await resend.RunAsync(SignUp.PersonId, SignUp.Email, ct) is { } again)
            {
                mails.ConfirmEmail(Request, again.PersonId, again.LibraryId, again.LibraryName, again.GivenName, again.Language, again.Link);
            }
        }
        else if (await AlreadyMemberMailsLastHourAsync(SignUp, ct) < ResendConfirmation.MaxLinksPerHour)
        {
            var member = await db.People.Where(p => p.Id == SignUp.PersonId).Select(p => new { p.GivenName, p.PreferredLanguage }).SingleOrDefaultAsync(ct);
            var library = await db.Libraries.Where(l => l.Id == SignUp.LibraryId).Select(l => l.Name).SingleOrDefaultAsync(ct);
            if (member is not null && library is not null)
            {
                mails.AlreadyMember(Request, SignUp.PersonId, SignUp.LibraryId, library, member.GivenName, member.PreferredLanguage, SignUp.Email);
            }
        }

        // Whatever happened, the same answer: it must not tell a new sign-up from an existing member.
        Resent = true;
        return Page();
    }

    private async Task<int> AlreadyMemberMailsLastHourAsync(SignUpTicket ticket, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        var sent = await db.SentMessages.Where(m => m.PersonId == ticket.PersonId && m.Template == MailKinds.AlreadyMember).Select(m => m.SentAt).ToListAsync(ct);
        return sent.Count(at => at > since);
    }
}
