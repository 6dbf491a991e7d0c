using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Medlem.Web.Features.Member.Login;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>
/// Where electronic ID starts: a stranger signs in; a signed-in member confirms their identity
/// ("Bekreft identitet med elektronisk ID", the upgrade to borrower). Each is a form post (with
/// the antiforgery token) that sends the browser to the provider.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
[ElectronicIdFormAction]
public sealed class IndexModel(ElectronicIdOptions settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public MemberPrincipal? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!settings.IsConfigured)
        {
            return NotFound();
        }

        Member = await MemberSession.ReadAsync(HttpContext);
        return Page();
    }

    public IActionResult OnPostSignIn() =>
        settings.IsConfigured
            ? Challenge(ElectronicIdChallenge.SignIn(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null), ElectronicIdChallenge.Scheme)
            : NotFound();

    public async Task<IActionResult> OnPostUpgradeAsync()
    {
        if (!settings.IsConfigured)
        {
            return NotFound();
        }

        var member = await MemberSession.ReadAsync(HttpContext);
        return member is null
            ? Redirect($"{MemberPrincipal.LoginPath}?returnUrl={Uri.EscapeDataString(ElectronicIdPaths.Start)}")
            : Challenge(ElectronicIdChallenge.Upgrade(member.PersonId), ElectronicIdChallenge.Scheme);
    }
}
