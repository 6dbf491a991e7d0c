using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Account;

/// <summary>Staff sign-in with user name and password. A failure says nothing about which of the two was wrong.</summary>
public sealed class LoginModel(StaffSignIn signIn) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await signIn.CheckAsync(UserName, Password, ct);
        if (account is null)
        {
            Failed = true;
            return Page();
        }

        await HttpContext.SignInAsync(StaffPrincipal.Scheme, StaffPrincipal.ToClaims(account));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
