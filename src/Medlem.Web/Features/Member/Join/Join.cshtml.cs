using System.Globalization;
using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Login;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Join;

/// <summary>
/// /bli-medlem: digital membership in a minute. Six fields on a phone (name, e-mail, birth year,
/// library, password; the mobile number optional); a child of 13 or 14 is asked for a guardian's
/// address once the birth year shows it is needed. Answers with the check-your-mail page whether
/// the person is new or already a member (the mail says which).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
public sealed class JoinModel(SignUpDigitalMember signUp, JoinMails mails, SignUpTickets tickets, MedlemDbContext db, IStringLocalizer<Program> texts) : PageModel
{
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? BirthYear { get; set; }
    [BindProperty] public string? LibraryCode { get; set; }
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? GuardianEmail { get; set; }

    /// <summary>Show the guardian's address: the person is 13 or 14 (known after a first try), or typed one already.</summary>
    public bool AskGuardian { get; private set; }

    public bool SignedIn => MemberPrincipal.From(User) is not null;

    public IReadOnlyList<(string Code, string Name)> Libraries { get; private set; } = [];

    public async Task OnGetAsync(string? bibliotek, CancellationToken ct)
    {
        LibraryCode ??= bibliotek;
        await LoadLibrariesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await signUp.RunAsync(new SignUpInput
        {
            GivenName = GivenName, FamilyName = FamilyName, Email = Email, BirthYear = BirthYear, LibraryCode = LibraryCode,
            Mobile = Mobile, Password = Password, GuardianEmail = GuardianEmail, PreferredLanguage = PageLanguage(),
        }, ct);
        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            AskGuardian = outcome.Errors.ByField.ContainsKey(nameof(GuardianEmail)) || !string.IsNullOrWhiteSpace(GuardianEmail);
            await LoadLibrariesAsync(ct);
            return Page();
        }

        var result = outcome.Value!;
        if (result.Kind == SignUpKind.NewMember)
        {
            mails.ConfirmEmail(Request, result.PersonId, result.LibraryId, result.LibraryName, result.GivenName, result.Language, result.Confirmation!);
            if (result.GuardianApproval is { } approval)
            {
                mails.GuardianApproval(Request, result, approval);
            }
        }
        else
        {
            mails.AlreadyMember(Request, result.PersonId, result.LibraryId, result.LibraryName, result.GivenName, result.Language, result.Email);
        }

        var ticket = tickets.Protect(new SignUpTicket(result.Kind, result.PersonId, result.LibraryId, result.Email, result.WaitsForGuardian));
        return RedirectToPage("CheckEmail", new { b = ticket });
    }

    /// <summary>The language the person reads the form in is the language of their mail.</summary>
    private static PreferredLanguage PageLanguage() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? PreferredLanguage.En : PreferredLanguage.Nb;

    /// <summary>City libraries only: a school library's pupils join through their school.</summary>
    private async Task LoadLibrariesAsync(CancellationToken ct)
    {
        var libraries = await db.Libraries.Where(l => l.Kind == LibraryKind.Public).Select(l => new { l.Code, l.Name }).ToListAsync(ct);
        Libraries = libraries.OrderBy(l => l.Name, StringComparer.Create(LocalizationSetup.Norwegian, false)).Select(l => (l.Code, l.Name)).ToList();
    }
}
