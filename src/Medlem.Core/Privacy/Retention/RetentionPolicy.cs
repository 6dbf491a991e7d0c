namespace Medlem.Core.Privacy.Retention;

/// <summary>
/// How long what is kept, with the defaults of Norwegian library practice (privacy issue,
/// "Retention"); bound from <c>Medlem:Privacy:Retention</c>, and per library from
/// <c>Medlem:Privacy:Retention:Libraries:&lt;code&gt;</c> (a library's own values replace the defaults).
/// </summary>
public sealed class RetentionPolicy
{
    /// <summary>Upload files kept for re-runs hold raw card numbers and device ids: deleted after this many days.</summary>
    public int RawIdentifierDays { get; set; } = 90;

    /// <summary>Closed data-subject requests are kept as the record of what was done for this many years.</summary>
    public int ClosedRequestYears { get; set; } = 5;

    /// <summary>Unverified self-registrations are deleted after this many days.</summary>
    public int UnverifiedSignUpDays { get; set; } = 30;

    /// <summary>Members with no recorded use for this many years are notified, then deleted.</summary>
    public int InactiveYears { get; set; } = 5;

    /// <summary>Days between the notice to an inactive member and the deletion; use in between keeps the membership.</summary>
    public int InactiveNoticeDays { get; set; } = 30;

    /// <summary>Notices and deletions of inactive members per library and nightly run; a larger backlog is worked off over the following nights.</summary>
    public int InactiveActionsPerRun { get; set; } = 200;

    /// <summary>The audit trail is kept this many years.</summary>
    public int AuditYears { get; set; } = 5;
}

/// <summary>The retention settings: defaults and each library's own.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Medlem:Privacy:Retention";

    public RetentionPolicy Defaults { get; set; } = new();

    public Dictionary<string, RetentionPolicy> Libraries { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public RetentionPolicy For(string libraryCode) => Libraries.GetValueOrDefault(libraryCode) ?? Defaults;
}
