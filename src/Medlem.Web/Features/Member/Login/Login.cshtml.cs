using Medlem.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Member.Login;

/// <summary>
/// The members' sign-in: library card and PIN (the library norm), or e-mail and password for
/// digital members. A failure says only that the sign-in failed.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
public sealed class LoginModel(MemberSignIn signIn, MedlemDbContext db) : PageModel
{
    [BindProperty] public string? Library { get; set; }
    [BindProperty] public string? CardNumber { get; set; }
    [BindProperty] public string? Pin { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Which form failed: "card" or "email".</summary>
    public string? Failed { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Libraries { get; private set; } = [];

    public async Task OnGetAsync(string? bibliotek, CancellationToken ct)
    {
        Library ??= bibliotek;
        await LoadLibrariesAsync(ct);
    }

    public async Task<IActionResult> OnPostCardAsync(CancellationToken ct)
    {
        var libraryId = await db.Libraries.Where(l => l.Code == Library).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        var member = libraryId is { } id ? await signIn.WithCardAsync(id, CardNumber, Pin, ct) : null;
        return await SignInOrFailAsync(member, "card", ct);
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct) =>
        await SignInOrFailAsync(await signIn.WithEmailAsync(Email, Password, ct), "email", ct);

    private async Task<IActionResult> SignInOrFailAsync(MemberPrincipal? member, string form, CancellationToken ct)
    {
        if (member is null)
        {
            Failed = form;
            await LoadLibrariesAsync(ct);
            return Page();
        }

        await HttpContext.SignInAsync(MemberPrincipal.Scheme, member.ToClaims());
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : MemberPrincipal.HomePath);
    }

    private async Task LoadLibrariesAsync(CancellationToken ct)
    {
        var libraries = await db.Libraries.Select(l => new { l.Code, l.Name }).ToListAsync(ct);
        Libraries = libraries.OrderBy(l => l.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), false))
            .Select(l => (l.Code, l.Name)).ToList();
    }
}
