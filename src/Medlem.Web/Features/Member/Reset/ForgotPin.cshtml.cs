using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Features.Member.Login;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Reset;

/// <summary>
/// /glemt-pin: ask for a link to choose a new PIN or password, by e-mail address or by library
/// and card number. The answer is always "if we know you, a mail is on its way to your confirmed
/// address", and the mail leaves after the answer, so neither the words nor the time tell a
/// stranger whether the address or card is known.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
public sealed class ForgotPinModel(RequestSecretReset reset, JoinMails mails, MedlemDbContext db, IStringLocalizer<Program> texts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Library { get; set; }
    [BindProperty] public string? CardNumber { get; set; }

    /// <summary>The request was received (shown after the redirect).</summary>
    [BindProperty(SupportsGet = true, Name = "sendt")] public bool Sent { get; set; }

    public IReadOnlyList<(string Code, string Name)> Libraries { get; private set; } = [];

    public async Task OnGetAsync(string? bibliotek, CancellationToken ct)
    {
        Library ??= bibliotek;
        await LoadLibrariesAsync(ct);
    }

    public Task<IActionResult> OnPostEmailAsync(CancellationToken ct) =>
        string.IsNullOrWhiteSpace(Email)
            ? RefuseAsync(nameof(Email), "join.reset.email.required", ct)
            : SendAsync(new SecretResetRequest(Email, null, null), ct);

    public Task<IActionResult> OnPostCardAsync(CancellationToken ct) =>
        string.IsNullOrWhiteSpace(CardNumber)
            ? RefuseAsync(nameof(CardNumber), "join.reset.card.required", ct)
            : SendAsync(new SecretResetRequest(null, Library, CardNumber), ct);

    private async Task<IActionResult> SendAsync(SecretResetRequest request, CancellationToken ct)
    {
        foreach (var issued in await reset.RunAsync(request, ct))
        {
            mails.ResetSecret(Request, issued);
        }

        return RedirectToPage(new { sendt = true });
    }

    private async Task<IActionResult> RefuseAsync(string field, string code, CancellationToken ct)
    {
        ModelState.AddModelError(field, texts["error." + code]);
        await LoadLibrariesAsync(ct);
        return Page();
    }

    private async Task LoadLibrariesAsync(CancellationToken ct)
    {
        // Every library: a school library's card works for its pupils' sign-in too.
        var libraries = await db.Libraries.Select(l => new { l.Code, l.Name, l.Kind }).ToListAsync(ct);
        Libraries = libraries.OrderBy(l => l.Kind != LibraryKind.Public).ThenBy(l => l.Name, StringComparer.Create(LocalizationSetup.Norwegian, false))
            .Select(l => (l.Code, l.Name)).ToList();
    }
}
