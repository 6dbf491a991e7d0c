using Medlem.Core.Privacy;

namespace Medlem.Core.Members;

/// <summary>
/// That <see cref="GuardianId"/> is a guardian (foresatt) of <see cref="ChildId"/>. Under 15,
/// a child's membership waits for a guardian's approval; under 13, consents come from a guardian
/// (personopplysningsloven § 5).
/// </summary>
public sealed class Guardianship
{
    public int Id { get; set; }

    public Guid ChildId { get; set; }

    public Guid GuardianId { get; set; }

    public Person? Guardian { get; set; }

    [PersonalData(MedlemTaxonomy.Relationship)] public DateTimeOffset CreatedAt { get; set; }
}
