using Medlem.Core.Privacy;

namespace Medlem.Core.Members;

/// <summary>A library card (lånekort) of a membership. The number is unique within a library.</summary>
public sealed class LibraryCard
{
    public int Id { get; set; }

    public Guid MembershipId { get; set; }

    /// <summary>Copied from the membership so the database can enforce one number per library.</summary>
    public int LibraryId { get; set; }

    [PersonalData(MedlemTaxonomy.UniqueId)] public required string Number { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public CardStatus Status { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateOnly IssuedOn { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public DateTimeOffset? StatusChangedAt { get; set; }
}

public enum CardStatus
{
    Active = 0,
    Lost = 1,
    Blocked = 2,
}
