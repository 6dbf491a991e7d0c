using System.Globalization;
using Medlem.Core.Members.MyPage;
using Medlem.Core.Privacy.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>
/// Ask the libraries to erase, rectify, restrict or stop using the member's data (GDPR art. 16–18,
/// 21). The request goes to the staff queue of the membership's library, or of every library for
/// "all my data"; with an electronic-ID sign-in the identity counts as verified, otherwise the desk
/// verifies it. The page that follows is the receipt: what was received, when it is due.
/// </summary>
public sealed class RequestModel(MyRequests requests, MyMemberships memberships, IStringLocalizer<Program> texts) : MemberPageModel
{
    /// <summary>The kind asked for; pre-chosen by <c>?type=</c> from a link.</summary>
    [BindProperty(SupportsGet = true, Name = "type")] public RequestKind Kind { get; set; } = RequestKind.Erasure;

    /// <summary>The membership (and so the library) the request is about; empty for all of them.</summary>
    [BindProperty] public Guid? MembershipId { get; set; }

    [BindProperty] public string? Description { get; set; }

    public IReadOnlyList<MyMembership> Memberships { get; private set; } = [];

    public bool IdentityVerifiedBySignIn => Member.Method == MemberSignInMethod.ElectronicId;

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!MyRequests.Offered.Contains(Kind))
        {
            Kind = RequestKind.Erasure;
        }

        Memberships = await memberships.ListAsync(Member.PersonId, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await requests.MakeAsync(Member.PersonId, new MyRequestInput(Kind, MembershipId, Description), IdentityVerifiedBySignIn, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            // PrivacyRequests' codes (request.description-required, …) in words for the member, beside their field.
            foreach (var (field, codes) in outcome.Errors.ByField)
            {
                foreach (var code in codes)
                {
                    ModelState.AddModelError(field, texts["mypage.error." + code].Value);
                }
            }

            Memberships = await memberships.ListAsync(Member.PersonId, ct);
            return Page();
        }

        var made = outcome.Value!;
        Message = texts[IdentityVerifiedBySignIn ? "mypage.request.received-verified" : "mypage.request.received-unverified",
            texts["request.kind." + Kind].Value.ToLower(CultureInfo.CurrentCulture), made.Count, MyPageFormat.Day(made.Min(r => r.DueOn))].Value;
        return Redirect("/min-side/mine-data#requests");
    }
}
