using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.MyPage;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>The details a member corrects themselves, as typed.</summary>
public sealed class MyDetailsForm
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public PreferredLanguage PreferredLanguage { get; set; }

    public static MyDetailsForm From(Person person) => new()
    {
        GivenName = person.GivenName, FamilyName = person.FamilyName,
        Email = person.ContactPoints.FirstOrDefault(c => c.Kind == ContactKind.Email)?.Value,
        Mobile = person.ContactPoints.FirstOrDefault(c => c.Kind == ContactKind.Mobile)?.Value,
        Street = person.Address?.Street, PostalCode = person.Address?.PostalCode, City = person.Address?.City,
        Country = person.Address?.Country ?? "NO", PreferredLanguage = person.PreferredLanguage,
    };

    public MyDetailsInput ToInput() => new()
    {
        GivenName = GivenName, FamilyName = FamilyName, Email = Email, Mobile = Mobile, Street = Street, PostalCode = PostalCode,
        City = City, Country = Country, PreferredLanguage = PreferredLanguage,
    };
}

/// <summary>
/// Correct my details (GDPR art. 16): name, address, phone, e-mail and language, validated as at
/// the desk. A new e-mail address is stored unverified and must be confirmed again. Birth date and
/// national identity number are corrected through a rectification request.
/// </summary>
public sealed class CorrectModel(CorrectMyDetails correct, MedlemDbContext db, Join.JoinMails mails, TimeProvider clock, IStringLocalizer<Program> texts) : MemberPageModel
{
    [BindProperty] public MyDetailsForm Form { get; set; } = new();

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.ContactPoints).SingleOrDefaultAsync(p => p.Id == Member.PersonId, ct);
        if (person is null)
        {
            return NotFound();
        }

        Form = MyDetailsForm.From(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await correct.RunAsync(Member.PersonId, Form.ToInput(), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, nameof(Form));
            return Page();
        }

        if (outcome.Value!.EmailNeedsConfirmation)
        {
            await SendConfirmationAsync(outcome.Value.Person, ct);
        }

        Message = texts[outcome.Value.EmailNeedsConfirmation ? "mypage.correct.saved-confirm-email" : "mypage.correct.saved"].Value;
        return Redirect("/min-side/mine-data");
    }

    /// <summary>A confirmation link to the new address, as at sign-up; following it verifies the address.</summary>
    private async Task SendConfirmationAsync(Person person, CancellationToken ct)
    {
        var address = person.ContactPoints.First(c => c.Kind == ContactKind.Email).Value;
        var library = await db.Memberships.AsNoTracking().Where(m => m.PersonId == person.Id).OrderBy(m => m.ValidFrom)
            .Join(db.Libraries, m => m.LibraryId, l => l.Id, (_, l) => new { l.Id, l.Name }).FirstAsync(ct);
        var (link, issued) = MemberLinkTokens.Create(person.Id, null, MemberLinkPurpose.ConfirmEmail, address, clock.GetUtcNow());
        db.MemberLinks.Add(link);
        await db.SaveChangesAsync(ct);
        mails.ConfirmEmail(Request, person.Id, library.Id, library.Name, person.GivenName, person.PreferredLanguage, issued);
    }
}
