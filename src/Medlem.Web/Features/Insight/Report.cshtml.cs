using Medlem.Core.Insight;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Insight;

/// <summary>The printable report: every table, chart and finding of the filters' dashboard, without the navigation.</summary>
public sealed class ReportModel(ResolveInsightFilter resolve, InsightService service, IStringLocalizer<Program> texts)
    : InsightPageModel(resolve, service, texts)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();
}
