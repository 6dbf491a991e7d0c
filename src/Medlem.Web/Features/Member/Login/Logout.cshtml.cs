using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Member.Login;

/// <summary>Ends the member's session (POST only, with the antiforgery token, so a link cannot sign anyone out).</summary>
[AllowAnonymous]
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect(MemberPrincipal.LoginPath);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(MemberPrincipal.Scheme);
        // The card page is kept for offline use; on a shared device it must not outlive the session.
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        return Redirect(MemberPrincipal.LoginPath);
    }
}
