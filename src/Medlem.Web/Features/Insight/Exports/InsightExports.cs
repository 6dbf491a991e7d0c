using Medlem.Core.Insight;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Insight.Exports;

/// <summary>
/// A dashboard's tables as files, for the staff pages and the command line (<c>medlem insight
/// report --format md|csv|xlsx</c>) alike. Every writer takes the dashboard as built (cells
/// already suppressed) and writes a hidden cell as "&lt;k", never its value. The texts decide the
/// language; numbers are nb-NO. <c>tables</c> picks tables by id (all when null),
/// e.g. <see cref="NationalTables"/> for the figures reported to Nasjonalbiblioteket.
/// </summary>
public static class InsightExports
{
    /// <summary>The tables of the yearly national statistics, exportable on their own.</summary>
    public static IReadOnlyList<string> NationalTables { get; } = ["national", "national-events"];

    public static Task WriteCsvAsync(InsightDashboard dashboard, IStringLocalizer texts, Stream output, CancellationToken ct = default) =>
        InsightCsv.WriteAsync(dashboard, new InsightText(texts), output, null, ct);

    public static Task WriteCsvAsync(InsightDashboard dashboard, IStringLocalizer texts, Stream output, IReadOnlyCollection<string>? tables, CancellationToken ct = default) =>
        InsightCsv.WriteAsync(dashboard, new InsightText(texts), output, tables, ct);

    public static Task WriteXlsxAsync(InsightDashboard dashboard, IStringLocalizer texts, Stream output, CancellationToken ct = default) =>
        InsightXlsx.WriteAsync(dashboard, new InsightText(texts), output, null, ct);

    public static Task WriteXlsxAsync(InsightDashboard dashboard, IStringLocalizer texts, Stream output, IReadOnlyCollection<string>? tables, CancellationToken ct = default) =>
        InsightXlsx.WriteAsync(dashboard, new InsightText(texts), output, tables, ct);

    public static string WriteMarkdown(InsightDashboard dashboard, IStringLocalizer texts, IReadOnlyCollection<string>? tables = null) =>
        InsightMarkdown.Write(dashboard, new InsightText(texts), tables);

    /// <summary>The tables asked for, in the dashboard's order; unknown ids are ignored.</summary>
    public static IEnumerable<InsightTable> Pick(InsightDashboard dashboard, IReadOnlyCollection<string>? tables) =>
        tables is null ? dashboard.Tables : dashboard.Tables.Where(t => tables.Contains(t.Id));

    /// <summary>The lines above the tables: whose figures, which period, as of when, and the rule for hidden cells.</summary>
    public static IReadOnlyList<string> Preamble(InsightDashboard dashboard, InsightText text) =>
    [
        text["insight.report.title"] + ": " + text.Scope(dashboard) + ", " + text.Period(dashboard.Period),
        text.AsOf(dashboard),
        text["insight.hidden-rule", dashboard.Threshold],
    ];
}
