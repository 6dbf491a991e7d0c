using Medlem.Core.Insight;

namespace Medlem.Web.Features.Insight;

/// <summary>A dashboard as the API returns it: every text in the reader's language, hidden cells without a value.</summary>
public sealed record InsightDashboardDto(
    string Scope, bool Consortium, string Period, string PeriodName, int Threshold, DateTime? MembersAsOfUtc, IReadOnlyList<InsightTableDto> Tables)
{
    public static InsightDashboardDto From(InsightDashboard dashboard, InsightText text, IReadOnlyCollection<string>? tables = null) => new(
        text.Scope(dashboard), dashboard.Scope.LibraryId is null, dashboard.Period.ToString(), text.Period(dashboard.Period), dashboard.Threshold,
        dashboard.MembersAsOfUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        [.. Exports.InsightExports.Pick(dashboard, tables).Select(t => InsightTableDto.From(t, text, dashboard.Threshold))]);
}

/// <summary>A table: its id (<c>members</c>, <c>months</c>, … <c>national-events</c>), title, columns, rows and findings as sentences.</summary>
public sealed record InsightTableDto(string Id, string Title, IReadOnlyList<InsightColumnDto> Columns, IReadOnlyList<InsightRowDto> Rows, IReadOnlyList<string> Findings)
{
    public static InsightTableDto From(InsightTable table, InsightText text, int threshold) => new(
        table.Id, text.Title(table),
        [.. table.Columns.Select(c => new InsightColumnDto(c, text.Column(c)))],
        [.. table.Rows.Select(r => new InsightRowDto(text.Label(r.Label), [.. r.Cells.Select(c => InsightCellDto.From(c, text, threshold))]))],
        text.Findings(table));
}

/// <summary>A column's text key and its title.</summary>
public sealed record InsightColumnDto(string Key, string Title);

public sealed record InsightRowDto(string Label, IReadOnlyList<InsightCellDto> Cells);

/// <summary>
/// A cell: <see cref="Value"/> is null when <see cref="Suppressed"/> (fewer than k people; <see cref="Text"/> is then "&lt;k")
/// or when the figure does not apply; shares are between 0 and 1. <see cref="Text"/> is the cell as the page shows it.
/// </summary>
public sealed record InsightCellDto(CellKind Kind, double? Value, bool Suppressed, string Text)
{
    public static InsightCellDto From(InsightCell cell, InsightText text, int threshold) =>
        new(cell.Kind, cell.Suppressed || cell.Kind == CellKind.Text ? null : cell.Value, cell.Suppressed, text.Cell(cell, threshold));
}
