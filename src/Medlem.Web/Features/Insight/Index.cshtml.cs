using System.Globalization;
using Medlem.Core.Data;
using Medlem.Core.Insight;
using Medlem.Statistics;
using Medlem.Web.Features.Insight.Exports;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Insight;

/// <summary>The insight dashboard: filters, a section per table (chart, table, findings), and the exports.</summary>
public sealed class IndexModel(ResolveInsightFilter resolve, InsightService service, IStringLocalizer<Program> texts, MedlemDbContext db, TimeProvider clock)
    : InsightPageModel(resolve, service, texts)
{
    public int LibraryId { get; private set; }

    public string LibraryName { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name)> Branches { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> MembershipTypes { get; private set; } = [];

    public IReadOnlyList<(string Code, string Label)> AgeBands { get; } =
        [.. Enum.GetValues<AgeBand>().Select(b => (InsightFilter.AgeBandCode(b), b.Label()))];

    /// <summary>Periods to pick from: the last 12 months, this year and last, their quarters so far, the last 12 months one by one.</summary>
    public IReadOnlyList<(string Code, string Label)> Presets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? await PageAsync(ct);

    /// <summary>The tables as CSV (all, or those named by <paramref name="table"/>).</summary>
    public Task<IActionResult> OnGetCsvAsync(string[] table, CancellationToken ct) =>
        ExportAsync(table, "text/csv; charset=utf-8", "csv", InsightExports.WriteCsvAsync, ct);

    /// <summary>The tables as an Excel workbook, a sheet per table.</summary>
    public Task<IActionResult> OnGetXlsxAsync(string[] table, CancellationToken ct) =>
        ExportAsync(table, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", InsightExports.WriteXlsxAsync, ct);

    /// <summary>A link to the page's own handler with the current filters.</summary>
    public string Link(string handler, params string[] tables) =>
        "?" + string.Join("&", new[] { "handler=" + handler, Filter.Query() }.Concat(tables.Select(t => "table=" + Uri.EscapeDataString(t))).Where(p => p.Length > 0));

    private async Task<IActionResult> ExportAsync(
        string[] table, string contentType, string extension,
        Func<InsightDashboard, IStringLocalizer, Stream, IReadOnlyCollection<string>?, CancellationToken, Task> write, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (Dashboard is null)
        {
            return await PageAsync(ct);
        }

        var output = new MemoryStream();
        await write(Dashboard, Text.Texts, output, table.Length == 0 ? null : table, ct);
        return File(output.ToArray(), contentType, FileName(table, extension));
    }

    private string FileName(string[] table, string extension) =>
        $"innsikt-{Checked!.ScopeCode}-{Checked.Period}{(table.Length == 1 ? "-" + table[0] : table.Length > 1 ? "-utvalg" : "")}.{extension}";

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        LibraryId = HttpContext.Staff().LibraryId;
        LibraryName = await db.Libraries.Where(l => l.Id == LibraryId).Select(l => l.Name).SingleAsync(ct);
        Branches = [.. (await db.Branches.AsNoTracking().Where(b => b.LibraryId == LibraryId).OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name))];
        var english = InsightText.Language == "en";
        MembershipTypes = [.. (await db.MembershipTypes.AsNoTracking().Where(t => t.LibraryId == LibraryId).Select(t => new { t.Id, t.NameNb, t.NameEn }).ToListAsync(ct))
            .Select(t => (t.Id, english ? t.NameEn : t.NameNb)).OrderBy(t => t.Item2, StringComparer.Create(InsightText.Numbers, false))];
        Presets = PresetsFor(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return Page();
    }

    private List<(string, string)> PresetsFor(DateOnly today)
    {
        var presets = new List<(string, string)> { ("12m", Text["insight.preset.12m"]) };
        presets.Add((Year(today.Year), Text["insight.preset.this-year", today.Year]));
        presets.Add((Year(today.Year - 1), Text["insight.preset.last-year", today.Year - 1]));
        foreach (var year in new[] { today.Year, today.Year - 1 })
        {
            for (var q = year == today.Year ? ((today.Month - 1) / 3) + 1 : 4; q >= 1; q--)
            {
                presets.Add(($"{Year(year)}-Q{q}", Text["insight.period.quarter", year, q]));
            }
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 12; i++, month = month.AddMonths(-1))
        {
            presets.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), InsightText.Month(month)));
        }

        return presets;

        static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
    }
}
