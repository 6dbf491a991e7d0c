using System.Globalization;
using Medlem.Core.Insight;
using Medlem.Statistics.Insight;
using Medlem.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Insight;

/// <summary>
/// A dashboard in words: titles, column heads, row labels, cells and findings in the reader's
/// language (the texts' current UI culture), numbers always written nb-NO as everywhere in
/// Medlem. The page, the report, the JSON API, the exports and the command line all read a
/// dashboard through this one class, so "&lt;5" and a finding read the same everywhere.
/// </summary>
public sealed class InsightText(IStringLocalizer texts)
{
    /// <summary>Numbers and percentages are written the Norwegian way whatever the language.</summary>
    public static CultureInfo Numbers => LocalizationSetup.Norwegian;

    public IStringLocalizer Texts => texts;

    /// <summary>The reader's language as <see cref="InsightService"/> names membership types: "en" or "nb".</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nb";

    public string this[string key] => texts[key];

    public string this[string key, params object[] arguments] => texts[key, arguments];

    public string Title(InsightTable table) => texts[$"insight.table.{table.Id}"];

    /// <summary>The question a table answers, in one sentence.</summary>
    public string Question(InsightTable table) => texts[$"insight.question.{table.Id}"];

    public string Column(string key) => texts[key];

    /// <summary>The libraries' time zone: "data per" is read in Norway.</summary>
    public static TimeZoneInfo Oslo { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>"Medlemstall per 28.11.2026 12:00": when the memberships were last copied for the figures.</summary>
    public string AsOf(InsightDashboard dashboard) =>
        dashboard.MembersAsOfUtc is { } utc
            ? texts["insight.as-of", TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Oslo).ToString("g", Numbers)]
            : texts["insight.as-of-never"];

    public string Scope(InsightDashboard dashboard) =>
        dashboard.Scope.LibraryId is null ? texts["insight.consortium"] : dashboard.ScopeName;

    public string Period(InsightPeriod period) => period.Kind switch
    {
        PeriodKind.Year => period.First.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => texts["insight.period.quarter", period.First.Year, ((period.First.Month - 1) / 3) + 1],
        PeriodKind.Month => Month(period.First),
        _ => texts["insight.period.last-12", Month(period.First), Month(period.Last)],
    };

    /// <summary>"januar 2026" in Bokmål, "January 2026" in English.</summary>
    public static string Month(DateOnly month)
    {
        var ui = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? CultureInfo.GetCultureInfo("en") : Numbers;
        return month.ToString("MMMM yyyy", ui);
    }

    public string Label(InsightLabel label) => label.Kind switch
    {
        LabelKind.Key => texts[label.Value],
        LabelKind.Month => Month(DateOnly.ParseExact(label.Value, "yyyy-MM", CultureInfo.InvariantCulture)),
        LabelKind.Channels => ChannelNames((Channels)int.Parse(label.Value, CultureInfo.InvariantCulture)),
        _ => label.Value,
    };

    /// <summary>"utlån + arrangementer"; no channel at all is "ingen bruk".</summary>
    public string ChannelNames(Channels channels) =>
        channels == Channels.None
            ? texts["insight.channel.none"]
            : string.Join(" + ", ChannelOrder.Where(c => channels.HasFlag(c)).Select(Channel));

    public string Channel(Channels channel) => texts[$"insight.channel.{channel.ToString().ToLowerInvariant()}"];

    public static IReadOnlyList<Channels> ChannelOrder { get; } = [Channels.Loans, Channels.Events, Channels.Wifi, Channels.Digital];

    /// <summary>What a hidden cell shows: "&lt;5" for k = 5.</summary>
    public static string Hidden(int threshold) => "<" + threshold.ToString(CultureInfo.InvariantCulture);

    /// <summary>The words a screen reader gets for a hidden cell: "skjult: færre enn 5 personer".</summary>
    public string HiddenExplained(int threshold) => texts["insight.hidden", threshold];

    /// <summary>A cell as shown: "&lt;k" when hidden, empty when it does not apply, else its value.</summary>
    public string Cell(InsightCell cell, int threshold) =>
        cell.Suppressed ? Hidden(threshold)
        : cell.Kind == CellKind.Text ? (cell.Text is null ? "" : texts[cell.Text])
        : cell.Value is { } value ? Number(cell.Kind, value)
        : "";

    public static string Number(CellKind kind, double value) => kind switch
    {
        CellKind.Share => value.ToString("P1", Numbers),
        CellKind.Mean => value.ToString("N1", Numbers),
        _ => value.ToString("N0", Numbers),
    };

    /// <summary>A finding's sentence: its text with the arguments put in, labels written out first.</summary>
    public string Finding(InsightFinding finding) =>
        string.Format(Numbers, texts[finding.Key].Value, [.. finding.Arguments.Select(a => a is InsightLabel label ? Label(label) : a)]);

    public IReadOnlyList<string> Findings(InsightTable table) => [.. table.Findings.Select(Finding)];
}
