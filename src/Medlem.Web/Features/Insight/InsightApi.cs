using System.Globalization;
using Medlem.Core.Insight;
using Medlem.Statistics.Insight;
using Medlem.Web.Features.Insight.Exports;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medlem.Web.Features.Insight;

/// <summary>/api/v1/insight: the dashboard and the national statistics as JSON, for the staff member's library or the consortium.</summary>
public static class InsightApi
{
    public static RouteGroupBuilder MapInsight(this RouteGroupBuilder api)
    {
        var insight = api.MapGroup("/insight").WithTags("Insight").RequireAuthorization(StaffPolicies.ViewInsight);

        insight.MapGet("/dashboard", async Task<Results<Ok<InsightDashboardDto>, ProblemHttpResult, ValidationProblem>> (
                HttpContext context, string? library, string? period, string? branch, string? ageBand, string? membershipType,
                ResolveInsightFilter resolve, InsightService service, JsonTexts texts, CancellationToken ct) =>
                await GetAsync(context, new InsightFilter(library, period, branch, ageBand, membershipType), null, resolve, service, texts, ct))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The insight dashboard: every table with its cells (fewer than k people are hidden) and findings.")
            .WithDescription(
                "library: your library's id (default) or 'all' for the consortium as a whole; another library's id is not found. " +
                "period: 2026, 2026-Q3, 2026-05 or 12m (default, the last 12 months). branch, membershipType: ids of your library's " +
                "branches and membership types. ageBand: 0-5, 6-12, 13-15, 16-19, 20-29, 30-44, 45-66 or 67-.");

        insight.MapGet("/national", async Task<Results<Ok<InsightDashboardDto>, ProblemHttpResult, ValidationProblem>> (
                HttpContext context, string? library, string? year, ResolveInsightFilter resolve, InsightService service, JsonTexts texts, TimeProvider clock, CancellationToken ct) =>
            {
                year = string.IsNullOrWhiteSpace(year) ? (clock.GetLocalNow().Year - 1).ToString(CultureInfo.InvariantCulture) : year.Trim();
                if (year.Length != 4 || InsightPeriod.Parse(year, DateOnly.MinValue) is not { Kind: PeriodKind.Year })
                {
                    var errors = new Core.ValidationErrors();
                    errors.Add("year", "insight.year");
                    return ApiResults.Invalid(errors, texts);
                }

                return await GetAsync(context, new InsightFilter(library, year), InsightExports.NationalTables, resolve, service, texts, ct);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The yearly figures reported to Nasjonalbiblioteket (tables national and national-events) for a calendar year.")
            .WithDescription("library: your library's id (default) or 'all'. year: the calendar year (default: last year).");

        return api;
    }

    private static async Task<Results<Ok<InsightDashboardDto>, ProblemHttpResult, ValidationProblem>> GetAsync(
        HttpContext context, InsightFilter filter, IReadOnlyCollection<string>? tables, ResolveInsightFilter resolve, InsightService service, JsonTexts texts, CancellationToken ct)
    {
        var request = await resolve.RunAsync(context.Staff().LibraryId, filter, ct);
        if (!request.Succeeded)
        {
            return request.NotFound ? ApiResults.NotFound(texts) : ApiResults.Invalid(request.Errors, texts);
        }

        var dashboard = await service.GetAsync(request.Value!.Scope, request.Value.Period, InsightText.Language, ct);
        return TypedResults.Ok(InsightDashboardDto.From(dashboard, new InsightText(texts), tables));
    }
}
