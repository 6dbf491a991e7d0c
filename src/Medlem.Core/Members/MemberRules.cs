namespace Medlem.Core.Members;

/// <summary>
/// The register's configurable rules, bound from the configuration section <c>Medlem:Members</c>.
/// </summary>
public sealed class MemberRules
{
    /// <summary>
    /// Accept Skatteetaten's synthetic test numbers (month + 80). For development, tests and the
    /// demo only: the web host refuses to start in Production with this on.
    /// </summary>
    public bool AllowSyntheticNationalIdentityNumbers { get; set; }

    public MembershipStatusRules Status { get; set; } = new();

    public EngagementLadder Ladder { get; set; } = new();

    /// <summary>The age from which a person may be a guardian.</summary>
    public int GuardianMinimumAge { get; set; } = 18;

    /// <summary>Oldest plausible age; an older birth date is a typing error.</summary>
    public int MaximumAge { get; set; } = 125;
}
