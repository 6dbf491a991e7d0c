namespace Medlem.Core.Privacy.DataMap;

/// <summary>
/// The data map's decisions, in one place: the processing activities, and for every data
/// category the activities that use it. The properties themselves are found in the code (their
/// [PersonalData] attributes, <see cref="DataMapBuilder"/>), so a new property lands in the map
/// by its category, and a new category without an entry here fails a test.
/// </summary>
public static class DataMapRegistry
{
    public static ProcessingActivity Membership { get; } = new(
        "membership", 'e', "folkebibliotekloven §§ 1 og 4", null,
        ["member", "child"], ["library-system", "data-processor"], RetentionRules.Membership.Key);

    public static ProcessingActivity IdentityCheck { get; } = new(
        "identity-check", 'e', "personopplysningsloven § 12 (fødselsnummer når sikker identifisering er nødvendig)", null,
        ["member", "guardian"], [], RetentionRules.IdentityCheck.Key);

    public static ProcessingActivity Guardianship { get; } = new(
        "guardianship", 'c', "personopplysningsloven § 5 (samtykke for barn under 13 år)", null,
        ["guardian", "child"], [], RetentionRules.Guardian.Key);

    public static ProcessingActivity Statistics { get; } = new(
        "statistics", 'e', "folkebibliotekloven § 5 (rapportering til Nasjonalbiblioteket); GDPR art. 89", null,
        ["member", "child", "visitor"], ["national-library"], RetentionRules.Statistics.Key);

    public static ProcessingActivity Personalisation { get; } = new(
        "personalisation", 'a', null, null,
        ["member"], [], RetentionRules.ReadingHistory.Key);

    public static ProcessingActivity Communication { get; } = new(
        "communication", 'a', null, null,
        ["member"], ["data-processor"], RetentionRules.Consent.Key);

    public static ProcessingActivity StaffAccounts { get; } = new(
        "staff-accounts", 'e', "folkebibliotekloven § 1; arbeidsmiljøloven", null,
        ["staff"], [], RetentionRules.StaffAccount.Key);

    public static ProcessingActivity Rights { get; } = new(
        "rights", 'c', "GDPR art. 12–22 (de registrertes rettigheter)", null,
        ["member", "child", "guardian"], [], RetentionRules.Request.Key);

    public static ProcessingActivity Security { get; } = new(
        "security", 'c', "GDPR art. 5(2) og 32 (ansvar og sikkerhet)", null,
        ["member", "child", "guardian", "staff"], [], RetentionRules.Audit.Key);

    public static IReadOnlyList<ProcessingActivity> Activities { get; } =
        [Membership, IdentityCheck, Guardianship, Statistics, Personalisation, Communication, Rights, StaffAccounts, Security];

    /// <summary>Every data category in use, and the activities that process it (the first is its main purpose).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ProcessingActivity>> Categories { get; } = new Dictionary<string, IReadOnlyList<ProcessingActivity>>
    {
        [MedlemTaxonomy.UserName] = [Membership, StaffAccounts],
        [MedlemTaxonomy.DateOfBirth] = [Membership, Statistics, Guardianship],
        [MedlemTaxonomy.GovernmentId] = [IdentityCheck],
        [MedlemTaxonomy.PostalAddress] = [Membership],
        [MedlemTaxonomy.Contact] = [Membership, Communication],
        [MedlemTaxonomy.LanguagePreference] = [Membership, Communication],
        [MedlemTaxonomy.AccountUserName] = [StaffAccounts],
        [MedlemTaxonomy.Credentials] = [Membership, StaffAccounts, Security],
        [MedlemTaxonomy.UniqueId] = [Statistics, Membership],
        [MedlemTaxonomy.MembershipRecord] = [Membership],
        [MedlemTaxonomy.ActivitySummary] = [Membership, Statistics],
        [MedlemTaxonomy.WorkContact] = [StaffAccounts],
        [MedlemTaxonomy.Note] = [Membership],
        [MedlemTaxonomy.Relationship] = [Guardianship],
        [MedlemTaxonomy.RecordMetadata] = [Membership, Security],
        [MedlemTaxonomy.AccountRole] = [StaffAccounts, Security],
        [MedlemTaxonomy.Consent] = [Personalisation, Communication, Security],
        [MedlemTaxonomy.PrivacyRequest] = [Rights],
        [MedlemTaxonomy.AccessLog] = [Security],
    };
}
