using Medlem.Core.Insight;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Insight;

/// <summary>
/// What the dashboard page and the printable report share: the filters from the query string
/// (named as the API names them), their check against the staff member's library, and the dashboard.
/// </summary>
public abstract class InsightPageModel(ResolveInsightFilter resolve, InsightService service, IStringLocalizer<Program> texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "library")] public string? Library { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")] public string? Period { get; set; }

    [BindProperty(SupportsGet = true, Name = "branch")] public string? Branch { get; set; }

    [BindProperty(SupportsGet = true, Name = "ageBand")] public string? AgeBand { get; set; }

    [BindProperty(SupportsGet = true, Name = "membershipType")] public string? MembershipType { get; set; }

    public InsightFilter Filter => new(Library, Period, Branch, AgeBand, MembershipType);

    public InsightText Text { get; } = new(texts);

    public InsightRequest? Checked { get; private set; }

    public InsightDashboard? Dashboard { get; private set; }

    /// <summary>Checks the filters and builds the dashboard; not found for another library, errors in the model state for bad filters.</summary>
    protected async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await resolve.RunAsync(HttpContext.Staff().LibraryId, Filter, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            return null;
        }

        Checked = outcome.Value!;
        Dashboard = await service.GetAsync(Checked.Scope, Checked.Period, InsightText.Language, ct);
        return null;
    }
}
