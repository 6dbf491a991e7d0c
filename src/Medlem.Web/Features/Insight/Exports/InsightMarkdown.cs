using System.Text;
using Medlem.Core.Insight;

namespace Medlem.Web.Features.Insight.Exports;

/// <summary>
/// Tables as Markdown (GitHub's pipe tables), for the command line's printed report: a heading per
/// table, figures right-aligned, hidden cells "&lt;5", the findings as a list under the table.
/// </summary>
public static class InsightMarkdown
{
    public static string Write(InsightDashboard dashboard, InsightText text, IReadOnlyCollection<string>? tables)
    {
        var md = new StringBuilder();
        var preamble = InsightExports.Preamble(dashboard, text);
        md.Append("# ").AppendLine(Escape(preamble[0])).AppendLine();
        foreach (var line in preamble.Skip(1))
        {
            md.AppendLine(Escape(line)).AppendLine();
        }

        foreach (var table in InsightExports.Pick(dashboard, tables))
        {
            md.Append("## ").AppendLine(Escape(text.Title(table))).AppendLine();
            md.Append("| ").Append(Escape(text["insight.row"])).Append(" |");
            foreach (var column in table.Columns)
            {
                md.Append(' ').Append(Escape(text.Column(column))).Append(" |");
            }

            md.AppendLine().Append("|---|").AppendLine(string.Concat(table.Columns.Select(_ => "---:|")));
            foreach (var row in table.Rows)
            {
                md.Append("| ").Append(Escape(text.Label(row.Label))).Append(" |");
                foreach (var cell in row.Cells)
                {
                    md.Append(' ').Append(Escape(text.Cell(cell, dashboard.Threshold))).Append(" |");
                }

                md.AppendLine();
            }

            md.AppendLine();
            foreach (var finding in text.Findings(table))
            {
                md.Append("- ").AppendLine(Escape(finding));
            }

            if (table.Findings.Count > 0)
            {
                md.AppendLine();
            }
        }

        return md.ToString();
    }

    /// <summary>A pipe would end the cell; "&lt;5" is left as it is (a tag starts with a letter).</summary>
    private static string Escape(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
