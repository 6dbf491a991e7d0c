namespace Medlem.Core.Privacy.Breaches;

/// <summary>
/// A personal data breach in the controller's register of breaches (GDPR art. 33(5)): what
/// happened, when it was discovered, what it affects, what was done, and whether and when the
/// supervisory authority (Datatilsynet) was notified — within 72 hours of discovery unless it is
/// unlikely to result in a risk (art. 33(1)), with the reason for any delay — and the people affected
/// told when the risk is high (art. 34).
/// </summary>
public sealed class Breach
{
    /// <summary>Art. 33(1): notify "not later than 72 hours after having become aware of it".</summary>
    public static readonly TimeSpan NotificationDeadline = TimeSpan.FromHours(72);

    public Guid Id { get; set; }

    public int LibraryId { get; set; }

    [NotPersonalData] public DateTimeOffset DiscoveredAt { get; set; }

    /// <summary>What happened, its likely consequences and the categories of data and people concerned, in the DPO's words; no names.</summary>
    [PersonalData(MedlemTaxonomy.Note)] public required string Description { get; set; }

    /// <summary>Approximate number of people concerned.</summary>
    [NotPersonalData] public int? PeopleAffected { get; set; }

    /// <summary>What was done to address it and mitigate its effects.</summary>
    [PersonalData(MedlemTaxonomy.Note)] public string? Measures { get; set; }

    [NotPersonalData] public DateTimeOffset? NotifiedAuthorityAt { get; set; }

    /// <summary>Why the authority was not notified (unlikely to result in a risk) or was notified late.</summary>
    [PersonalData(MedlemTaxonomy.Note)] public string? NotificationNote { get; set; }

    [NotPersonalData] public DateTimeOffset? InformedPeopleAt { get; set; }

    [NotPersonalData] public int RecordedByStaffId { get; set; }

    public DateTimeOffset NotifyBy => DiscoveredAt + NotificationDeadline;

    /// <summary>Not notified, no reason recorded for not notifying, and the 72 hours have passed.</summary>
    public bool IsOverdue(DateTimeOffset now) => NotifiedAuthorityAt is null && NotificationNote is null && now > NotifyBy;
}
