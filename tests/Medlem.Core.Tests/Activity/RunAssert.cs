using Medlem.Core.Activity;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>What an import's record says, compared whole so a failure shows every figure at once.</summary>
internal sealed record RunFigures(
    ImportState State, long Read, long Loaded, long Duplicate, long Rejected, long Unmatched = 0, long Anonymous = 0, string? Failure = null)
{
    public static RunFigures Of(ImportRun run) =>
        new(run.State, run.RowsRead, run.RowsLoaded, run.RowsDuplicate, run.RowsRejected, run.RowsUnmatched, run.RowsAnonymous, run.Failure);
}

/// <summary>One line of the error report: where, which column, the value as read, and the reason code.</summary>
internal sealed record ReportLine(long Line, string? Column, string? Value, string Reason);

internal static class RunAssert
{
    public static void Figures(RunFigures expected, ImportRun run) => Assert.Equal(expected, RunFigures.Of(run));

    /// <summary>The report holds exactly these lines, in line order.</summary>
    public static void Report(ImportRun run, params ReportLine[] expected) =>
        Assert.Equal(expected, run.Errors.Select(e => new ReportLine(e.Line, e.Column, e.Value, e.Reason)).ToArray());
}
