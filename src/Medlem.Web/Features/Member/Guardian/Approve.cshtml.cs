using Medlem.Core.Members.Guardians;
using Medlem.Web.Features.Member.ElectronicId;
using Medlem.Web.Features.Member.Login;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Guardian;

/// <summary>
/// The page a guardian's approval link opens (<c>/foresatt/godkjenn?t=…</c>): the child's name,
/// library and membership, and two ways to approve. With electronic ID (strong), or by the link
/// itself, which has just proven the e-mail address: then the guardian gives name and birth year,
/// confirms parental responsibility, and may choose a password for the guardian's page. A link
/// that is unknown, used, expired or for another child shows why and changes nothing.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(MemberRateLimits.SignIn)]
[ElectronicIdFormAction]
public sealed class ApproveModel(
    GuardianApprovalLinks links, ApproveChild approve, MemberCredentials credentials, ElectronicIdOptions electronicId, IStringLocalizer<Program> texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }

    /// <summary>The membership the page showed: a link is only for its own child.</summary>
    [BindProperty] public Guid MembershipId { get; set; }

    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public int? BirthYear { get; set; }
    [BindProperty] public bool HasParentalResponsibility { get; set; }
    [BindProperty] public string? Password { get; set; }

    [BindProperty] public string? EidGivenName { get; set; }
    [BindProperty] public string? EidFamilyName { get; set; }
    [BindProperty] public bool EidHasParentalResponsibility { get; set; }

    public ChildToApprove? Child { get; private set; }

    /// <summary>Why the link does nothing (an error text key without "error."), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Which form the errors belong to: "email" or "eid".</summary>
    public string? FailedForm { get; private set; }

    public bool ElectronicIdAvailable => electronicId.IsConfigured;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ShowAsync(ct);
        if (Child is not null)
        {
            MembershipId = Child.MembershipId;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Password) && !MemberCredentials.IsValidPassword(Password))
        {
            ModelState.AddModelError(nameof(Password), texts["error.member.password.rule"]);
            return await FailAsync("email", ct);
        }

        var outcome = await approve.ByEmailAsync(Token, MembershipId, new GuardianInput(GivenName, FamilyName, BirthYear, HasParentalResponsibility), ct);
        if (!outcome.Succeeded)
        {
            return await FailAsync("email", ct, outcome.Errors);
        }

        var guardian = outcome.Value!;
        if (!string.IsNullOrEmpty(Password))
        {
            await credentials.SetPasswordAsync(guardian.PersonId, Password, ct);
        }

        // Following the link proved the address; as with e-mail and password, that is the sign-in.
        await HttpContext.SignInAsync(MemberPrincipal.Scheme, new MemberPrincipal(guardian.PersonId, guardian.GivenName, MemberSignInMethod.Password).ToClaims());
        return LocalRedirect(GuardianPaths.ApprovedFor(MembershipId));
    }

    public async Task<IActionResult> OnPostElectronicIdAsync(CancellationToken ct)
    {
        if (!electronicId.IsConfigured)
        {
            return NotFound();
        }

        var check = await links.CheckAsync(Token, ct);
        var problem = check.Problem ?? (check.Child!.MembershipId != MembershipId ? GuardianLinkProblem.OtherChild : null);
        if (problem is { } linkProblem)
        {
            Problem = ApproveChild.ProblemCode(linkProblem);
            return Page();
        }

        var errors = new Core.ValidationErrors();
        if (GuardianInputRules.CheckNames(new GuardianInput(EidGivenName, EidFamilyName, null, EidHasParentalResponsibility), errors) is not { } names)
        {
            // The same rules as the e-mail form; the fields of this form carry the "Eid" prefix.
            foreach (var (field, codes) in errors.ByField)
            {
                codes.ForEach(code => ModelState.AddModelError("Eid" + field, texts["error." + code]));
            }

            return await FailAsync("eid", ct);
        }

        return Challenge(ElectronicIdChallenge.GuardianApproval(check.Child!.LinkId, MembershipId, names.Given, names.Family), ElectronicIdChallenge.Scheme);
    }

    private async Task<IActionResult> FailAsync(string form, CancellationToken ct, Core.ValidationErrors? errors = null)
    {
        if (errors?.ByField.GetValueOrDefault(ApproveChild.LinkField) is [var code, ..])
        {
            Problem = code;
            return Page();
        }

        if (errors is not null)
        {
            ValidationMessages.AddTo(ModelState, errors, texts, "");
        }

        FailedForm = form;
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var check = await links.CheckAsync(Token, ct);
        Child = check.Child;
        Problem = check.Problem is { } problem ? ApproveChild.ProblemCode(problem) : null;
    }
}
