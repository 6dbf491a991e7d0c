using Medlem.Core.Members.Guardians;
using Medlem.Core.Privacy.Consents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Guardian;

/// <summary>
/// A child's consents, seen by their guardian. Under 13 the guardian gives or withdraws them
/// (personopplysningsloven § 5), recorded as the guardian's act on the member pages; from 13 the
/// child decides, and the guardian sees the state only. The rules are <see cref="Consents"/>' own.
/// </summary>
public sealed class ConsentsModel(GuardianChildren children, Consents consents, IStringLocalizer<Program> texts) : PageModel
{
    public ChildMembership Child { get; private set; } = null!;
    public IReadOnlyList<ConsentState> States { get; private set; } = [];
    public IReadOnlyList<ConsentRecord> History { get; private set; } = [];
    public bool GuardianDecides => Child.Age < Consents.OwnConsentFromAge;

    [TempData] public string? Message { get; set; }

    private Guid Guardian => MemberPrincipal.From(User)!.PersonId;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, ConsentPurpose purpose, bool given, int textVersion, CancellationToken ct)
    {
        var child = await children.FindAsync(Guardian, id, ct);
        if (child is null)
        {
            return NotFound();
        }

        var outcome = await consents.SetAsync(child.LibraryId, id, purpose, given, textVersion, new ConsentAct(ConsentChannel.MemberPage, ConsentActor.Guardian, Guardian), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            // Consents' codes ("consent.own-decision", …) are text keys of their own.
            foreach (var code in outcome.Errors.ByField.Values.SelectMany(c => c))
            {
                ModelState.AddModelError("", texts[code].ResourceNotFound ? texts["error.guardian.consent-refused"] : texts[code]);
            }

            return await ShowAsync(id, ct);
        }

        Message = texts["consent.saved"];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var child = await children.FindAsync(Guardian, id, ct);
        if (child is null || await consents.StatesAsync(child.LibraryId, id, ct) is not { } states)
        {
            return NotFound();
        }

        Child = child;
        States = states;
        History = await consents.HistoryAsync(child.LibraryId, id, ct) ?? [];
        return Page();
    }
}
