namespace Medlem.Core.Privacy.Consents;

/// <summary>
/// One giving or withdrawal of a consent for a membership: never changed, never deleted while
/// the membership exists (the record is the proof). The state of a purpose is its latest record.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public Guid MembershipId { get; set; }

    [PersonalData(MedlemTaxonomy.Consent)] public ConsentPurpose Purpose { get; set; }

    [PersonalData(MedlemTaxonomy.Consent)] public bool Given { get; set; }

    [PersonalData(MedlemTaxonomy.Consent)] public DateTimeOffset At { get; set; }

    [PersonalData(MedlemTaxonomy.Consent)] public ConsentChannel Channel { get; set; }

    /// <summary>The version of <see cref="ConsentTexts"/> the member saw.</summary>
    [PersonalData(MedlemTaxonomy.Consent)] public int TextVersion { get; set; }

    [PersonalData(MedlemTaxonomy.Consent)] public ConsentActor ActedBy { get; set; }

    /// <summary>The guardian who acted, when <see cref="ActedBy"/> is <see cref="ConsentActor.Guardian"/>.</summary>
    [PersonalData(MedlemTaxonomy.Relationship)] public Guid? GuardianId { get; set; }

    /// <summary>The staff member who recorded it at the desk.</summary>
    [PersonalData(MedlemTaxonomy.Consent)] public int? StaffAccountId { get; set; }
}
