namespace Medlem.Core.Privacy.Retention;

/// <summary>A run of the retention rules: when, whether it only looked (dry run), and per library and rule how many records it removed (or would have).</summary>
public sealed class RetentionRun
{
    public long Id { get; set; }

    [NotPersonalData] public DateTimeOffset StartedAt { get; set; }

    [NotPersonalData] public DateTimeOffset? FinishedAt { get; set; }

    [NotPersonalData] public bool DryRun { get; set; }

    /// <summary>Who started it: <c>nightly</c>, <c>cli</c> or a staff id (<c>staff:12</c>).</summary>
    [NotPersonalData] public string StartedBy { get; set; } = "";

    /// <summary>The report: one line a library and rule, <c>library rule count</c> (JSON array of <see cref="RetentionResult"/>).</summary>
    [NotPersonalData] public string Report { get; set; } = "[]";

    /// <summary>Why the run stopped, when it failed (no personal data: an exception type and rule).</summary>
    [NotPersonalData] public string? Failure { get; set; }
}

/// <summary>One rule's outcome for one library.</summary>
public sealed record RetentionResult(string Library, string Rule, long Count);

/// <summary>
/// A lease on a job, so that with several web instances a nightly job runs on one at a time: the
/// holder's lease runs until <see cref="UntilUnixMs"/>; another instance takes it only after that.
/// The time is a number so that both databases compare it in SQL (SQLite cannot compare instants).
/// </summary>
public sealed class JobLease
{
    [NotPersonalData] public required string Name { get; set; }

    [NotPersonalData] public required string Holder { get; set; }

    [NotPersonalData] public long UntilUnixMs { get; set; }
}
