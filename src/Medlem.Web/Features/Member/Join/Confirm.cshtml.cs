using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Login;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Medlem.Web.Features.Member.Join;

/// <summary>
/// /bekreft-epost?t=…: the link in the confirmation mail. Opening it shows whose address it
/// confirms and one button; the button confirms, signs the person in and shows the new
/// membership. Opening alone changes nothing, because mail scanners open links before people do
/// and would otherwise use the link up. A bad link says what is wrong and changes nothing.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
public sealed class ConfirmModel(ConfirmEmailAddress confirm) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }

    public ConfirmationCheck? Check { get; private set; }

    public LinkProblemView? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        Show(await confirm.CheckAsync(Token, MemberPrincipal.From(User)?.PersonId, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await confirm.RunAsync(Token, MemberPrincipal.From(User)?.PersonId, ct);
        if (result.Problem != LinkProblem.None)
        {
            return Show(result);
        }

        // Following the link proved the address, as the password would: the weakest method is named.
        var member = new MemberPrincipal(result.PersonId!.Value, result.GivenName!, MemberSignInMethod.Password);
        await HttpContext.SignInAsync(MemberPrincipal.Scheme, member.ToClaims());
        return RedirectToPage("Welcome", new { m = result.MembershipId });
    }

    private PageResult Show(ConfirmationCheck check)
    {
        Check = check;
        if (check.Problem != LinkProblem.None)
        {
            Problem = new LinkProblemView(LinkProblemView.ConfirmFlow, check.Problem);
            Response.StatusCode = Problem.StatusCode;
        }

        return Page();
    }
}
