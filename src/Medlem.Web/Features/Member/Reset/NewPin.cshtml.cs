using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Features.Member.Login;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Reset;

/// <summary>
/// /ny-pin?t=…: the link in the reset mail. Shows the form to choose a new PIN and/or password;
/// saving uses the link up and ends any lockout. A bad link says what is wrong and changes nothing.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
public sealed class NewPinModel(ResetSecretWithLink reset, IStringLocalizer<Program> texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    [BindProperty] public string? Pin { get; set; }
    [BindProperty] public string? Password { get; set; }

    /// <summary>The new secret was saved (shown after the redirect, without the token).</summary>
    [BindProperty(SupportsGet = true, Name = "lagret")] public bool Saved { get; set; }

    public string? GivenName { get; private set; }

    public LinkProblemView? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Saved)
        {
            return Page();
        }

        var (problem, givenName) = await reset.CheckAsync(Token, MemberPrincipal.From(User)?.PersonId, ct);
        GivenName = givenName;
        return Show(problem);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var signedIn = MemberPrincipal.From(User)?.PersonId;
        var (problem, errors) = await reset.RunAsync(Token, signedIn, Pin, Password, ct);
        if (problem != LinkProblem.None)
        {
            return Show(problem);
        }

        if (!errors.IsEmpty)
        {
            ValidationMessages.AddTo(ModelState, errors, texts, "");
            (_, GivenName) = await reset.CheckAsync(Token, signedIn, ct);
            return Page();
        }

        return RedirectToPage(new { lagret = true });
    }

    private PageResult Show(LinkProblem problem)
    {
        if (problem != LinkProblem.None)
        {
            Problem = new LinkProblemView(LinkProblemView.ResetFlow, problem);
            Response.StatusCode = Problem.StatusCode;
        }

        return Page();
    }
}
