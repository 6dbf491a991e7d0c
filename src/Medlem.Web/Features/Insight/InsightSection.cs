using Medlem.Core.Insight;

namespace Medlem.Web.Features.Insight;

/// <summary>One table's section of the page or the report; the export links only on the page.</summary>
public sealed record InsightSection(InsightTable Table, InsightText Text, int Threshold, string? CsvLink = null, string? XlsxLink = null)
{
    public string Id => "t-" + Table.Id;

    public string? FindingsId => Table.Findings.Count > 0 ? "f-" + Table.Id : null;
}
