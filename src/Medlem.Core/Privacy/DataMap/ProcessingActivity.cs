namespace Medlem.Core.Privacy.DataMap;

/// <summary>
/// Why Medlem processes personal data: one entry of the record of processing activities (GDPR
/// art. 30). Texts (name, description, legal basis explained, recipients, retention) are text keys
/// <c>datamap.activity.{Key}.*</c> in Bokmål and English.
/// </summary>
/// <param name="Key">Stable name, e.g. <c>membership</c>.</param>
/// <param name="LegalBasis">GDPR art. 6(1) letter: <c>a</c> consent, <c>b</c> contract, <c>c</c> legal obligation, <c>e</c> public task.</param>
/// <param name="NationalLaw">The Norwegian law the public task or obligation rests on (art. 6(3)), when there is one.</param>
/// <param name="Article9">The art. 9(2) condition when special categories are processed; none are today.</param>
/// <param name="Subjects">Whose data: members, children, guardians, staff (keys <c>datamap.subject.{x}</c>).</param>
/// <param name="Recipients">Who receives it besides the library (keys <c>datamap.recipient.{x}</c>).</param>
/// <param name="Retention">The retention rule's key (<see cref="RetentionRules"/>).</param>
public sealed record ProcessingActivity(
    string Key, char LegalBasis, string? NationalLaw, string? Article9,
    IReadOnlyList<string> Subjects, IReadOnlyList<string> Recipients, string Retention);

/// <summary>A retention rule: how long, counted from what (text keys <c>datamap.retention.{Key}</c>).</summary>
public sealed record RetentionRule(string Key, string Period);

/// <summary>The retention rules of Norwegian library practice that the data map names (issue "Privacy by design").</summary>
public static class RetentionRules
{
    public static RetentionRule Membership { get; } = new("membership", "P5Y");
    public static RetentionRule UnverifiedSignUp { get; } = new("unverified-sign-up", "P30D");
    public static RetentionRule IdentityCheck { get; } = new("identity-check", "P5Y");
    public static RetentionRule ReadingHistory { get; } = new("reading-history", "consent");
    public static RetentionRule Consent { get; } = new("consent", "consent");
    public static RetentionRule Guardian { get; } = new("guardian", "P15Y");
    public static RetentionRule WifiIdentifier { get; } = new("wifi-identifier", "P90D");
    public static RetentionRule Statistics { get; } = new("statistics", "anonymous");
    public static RetentionRule Audit { get; } = new("audit", "P5Y");
    public static RetentionRule Invoice { get; } = new("invoice", "P10Y");
    public static RetentionRule StaffAccount { get; } = new("staff-account", "employment");
    public static RetentionRule Request { get; } = new("request", "P5Y");

    public static IReadOnlyList<RetentionRule> All { get; } =
        [Membership, UnverifiedSignUp, IdentityCheck, ReadingHistory, Consent, Guardian, WifiIdentifier, Statistics, Audit, Invoice, StaffAccount, Request];
}
