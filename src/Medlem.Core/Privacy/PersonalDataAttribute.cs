using Microsoft.Extensions.Compliance.Classification;

namespace Medlem.Core.Privacy;

/// <summary>
/// Marks a property that holds personal data, with its data category from the fideslang
/// taxonomy (for example <c>user.contact.email</c>). The data map, access export and erasure are
/// built from these marks; a test fails when an entity has a property that is neither marked
/// with this nor with <see cref="NotPersonalDataAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute(string category)
    : DataClassificationAttribute(new DataClassification(MedlemTaxonomy.Name, category))
{
    /// <summary>The fideslang data category, e.g. <c>user.government_id</c>.</summary>
    public string Category { get; } = category;
}

/// <summary>
/// On a logging method's parameter: an identifier (card number, e-mail address) that the logger
/// redacts to a keyed hash (Microsoft.Extensions.Compliance.Redaction), so operators can tell that
/// two log lines are about the same card without learning the number.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class RedactedIdentifierAttribute()
    : DataClassificationAttribute(new DataClassification(MedlemTaxonomy.Name, MedlemTaxonomy.UniqueId));

/// <summary>
/// Says, on purpose, that a property holds no personal data (a code, a configured name, a
/// flag). Writing it is a decision a reviewer can see, which is the point.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotPersonalDataAttribute : Attribute;

/// <summary>The taxonomy and the data categories Medlem uses (fideslang names).</summary>
public static class MedlemTaxonomy
{
    public const string Name = "Medlem";

    public const string UserName = "user.name";
    public const string DateOfBirth = "user.demographic.date_of_birth";
    public const string GovernmentId = "user.government_id.national_identification_number";
    public const string PostalAddress = "user.contact.address";
    public const string Contact = "user.contact";
    public const string LanguagePreference = "user.demographic.language";
    public const string AccountUserName = "user.account.username";
    public const string Credentials = "user.authorization.credentials";
    public const string UniqueId = "user.unique_id";
    public const string MembershipRecord = "user.account.membership";
    public const string ActivitySummary = "user.behavior.activity_summary";
    public const string WorkContact = "user.contact.work";
    public const string Note = "user.content.note";
    public const string Relationship = "user.social.relationship";
    public const string RecordMetadata = "user.account.metadata";
    public const string AccountRole = "user.account.role";
    public const string Consent = "user.privacy_preferences";
    public const string PrivacyRequest = "user.privacy_request";

    /// <summary>Who read whose data, when and why (the audit trail); an extension of fideslang's <c>user.behavior</c>.</summary>
    public const string AccessLog = "user.behavior.access_log";
}
