using Medlem.Statistics.Insight;

namespace Medlem.Core.Insight;

/// <summary>
/// A dashboard: the answers to the libraries' questions for one scope and period, as tables of
/// already-suppressed cells. Everything that shows insight — the staff pages, the exports, the
/// JSON API and the command line's report — renders these tables, so the disclosure rules are
/// applied in one place (<see cref="InsightBuilder"/>).
/// </summary>
public sealed record InsightDashboard(
    InsightScope Scope,
    string ScopeName,
    InsightPeriod Period,
    int Threshold,
    DateTime? MembersAsOfUtc,
    IReadOnlyList<InsightTable> Tables)
{
    public InsightTable this[string id] => Tables.Single(t => t.Id == id);
}

/// <summary>
/// One table. <see cref="Id"/> names it (and its texts: <c>insight.table.{id}</c> is its title, <c>insight.question.{id}</c> the question it answers;
/// not <c>insight.{id}</c>, which would clash with the column keys <c>insight.members</c> and <c>insight.events</c>);
/// <see cref="Columns"/> are text keys; <see cref="Chart"/> says how to draw it beside the table.
/// </summary>
public sealed record InsightTable(string Id, IReadOnlyList<string> Columns, IReadOnlyList<InsightRow> Rows, InsightChart Chart, IReadOnlyList<InsightFinding> Findings);

/// <summary>A row: its label and one cell per column.</summary>
public sealed record InsightRow(InsightLabel Label, IReadOnlyList<InsightCell> Cells);

/// <summary>How a label is shown.</summary>
public enum LabelKind
{
    /// <summary>A text key, translated.</summary>
    Key,

    /// <summary>A name as it is (a branch, a library, an event category, an age band).</summary>
    Text,

    /// <summary>A month, <c>yyyy-MM</c>, written out in the reader's language.</summary>
    Month,

    /// <summary>A combination of <see cref="Channels"/> (its number), written as the channels' names.</summary>
    Channels,
}

public sealed record InsightLabel(LabelKind Kind, string Value)
{
    public static InsightLabel Key(string key) => new(LabelKind.Key, key);

    public static InsightLabel Text(string text) => new(LabelKind.Text, text);

    public static InsightLabel Month(DateOnly month) => new(LabelKind.Month, month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

    public static InsightLabel Of(Channels channels) => new(LabelKind.Channels, ((int)channels).ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>What a cell holds, which decides how it is written.</summary>
public enum CellKind
{
    /// <summary>A count of people, suppressed under k.</summary>
    People,

    /// <summary>A count of things (loans, events, visits): not about few people, never suppressed.</summary>
    Number,

    /// <summary>A share between 0 and 1.</summary>
    Share,

    /// <summary>An average or median, with one decimal.</summary>
    Mean,

    /// <summary>A text (an audience).</summary>
    Text,
}

/// <summary>
/// A cell. <see cref="Value"/> is null when <see cref="Suppressed"/> (shown as "&lt;k" or a
/// dash) or when the figure does not apply (shown empty).
/// </summary>
public sealed record InsightCell(CellKind Kind, double? Value, bool Suppressed = false, string? Text = null)
{
    public static InsightCell Of(PeopleCount count) => new(CellKind.People, count.Shown, count.Suppressed);

    public static InsightCell Number(double? value) => new(CellKind.Number, value);

    public static InsightCell Mean(double? value, bool suppressed = false) => new(CellKind.Mean, suppressed ? null : value, suppressed);

    public static InsightCell TextOf(string text) => new(CellKind.Text, null, Text: text);

    /// <summary>A share of two counts of people: hidden when either is, empty when the whole is zero.</summary>
    public static InsightCell Share(PeopleCount part, PeopleCount whole) =>
        part.Suppressed || whole.Suppressed ? new(CellKind.Share, null, true)
        : whole.Value == 0 ? new(CellKind.Share, null)
        : new(CellKind.Share, (double)part.Value / whole.Value);

    public static InsightCell Empty(CellKind kind) => new(kind, null);
}

/// <summary>How to draw a table: which kind of chart, of which columns.</summary>
public enum ChartKind
{
    None,

    /// <summary>One bar per row, a series per column.</summary>
    Bars,

    /// <summary>The rows along the x axis (months), a line per column.</summary>
    Lines,

    /// <summary>An UpSet plot: a bar per combination (row) over a matrix of the channels it has.</summary>
    UpSet,
}

public sealed record InsightChart(ChartKind Kind, IReadOnlyList<int> Columns)
{
    public static InsightChart None { get; } = new(ChartKind.None, []);
}

/// <summary>A plain-language finding under a chart: a text key and its arguments (numbers, or <see cref="InsightLabel"/>s).</summary>
public sealed record InsightFinding(string Key, IReadOnlyList<object> Arguments);
