using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>
/// Why electronic ID changed nothing, in words: a refused token, a number already on another
/// member, a birth year that differs, a link that no longer works. Only known codes are shown;
/// anything else in the address gets the general text.
/// </summary>
[AllowAnonymous]
public sealed class FailedModel(ElectronicIdOptions settings) : PageModel
{
    /// <summary>The codes with a text of their own (the text key is "error." + code).</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "eid.pid-missing", "eid.pid-invalid", "eid.number-on-another-person", "eid.subject-on-another-person",
        "eid.another-number-on-record", "eid.birth-date-differs", "eid.person-missing", "eid.blocked",
        "eid.token-refused", "eid.cancelled", "eid.failed", "eid.session-ended",
        "guardian.link-unknown", "guardian.link-used", "guardian.link-expired", "guardian.link-other-child",
        "guardian.link-already-approved", "guardian.is-child", "guardian.too-young",
    };

    public string Code { get; private set; } = "eid.failed";

    public async Task<IActionResult> OnGetAsync(string? arsak)
    {
        if (!settings.IsConfigured)
        {
            return NotFound();
        }

        Code = arsak is not null && Known.Contains(arsak) ? arsak : "eid.failed";
        await MemberSession.ReadAsync(HttpContext);
        return Page();
    }
}
