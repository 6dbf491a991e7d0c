using Medlem.Core.Members.MyPage;
using Medlem.Core.Privacy.Consents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>
/// My consents, per membership: each purpose's text in force, on or off, the history of changes,
/// and a switch — except under 13, where a guardian decides, and no recommendations for children.
/// A change goes through <see cref="Consents"/> with channel "member page" and the text version shown.
/// </summary>
public sealed class ConsentsModel(MyConsents consents, TimeProvider clock, IStringLocalizer<Program> texts) : MemberPageModel
{
    public IReadOnlyList<MyConsentSet> Sets { get; private set; } = [];

    public TimeProvider Clock => clock;

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Sets = await consents.RunAsync(Member.PersonId, ct);

    public async Task<IActionResult> OnPostAsync(Guid membershipId, ConsentPurpose purpose, bool given, int textVersion, CancellationToken ct)
    {
        var outcome = await consents.SetAsync(Member.PersonId, membershipId, purpose, given, textVersion, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            // Core's codes (consent.guardian-required, consent.no-profiling-of-children, …) in words for the member.
            foreach (var code in outcome.Errors.ByField.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("", texts["mypage.error." + code].Value);
            }

            await OnGetAsync(ct);
            return Page();
        }

        Message = texts[given ? "mypage.consents.saved-on" : "mypage.consents.saved-off", texts["consent.purpose." + purpose].Value].Value;
        return Redirect($"/min-side/samtykker#c-{membershipId}-{purpose}");
    }
}
