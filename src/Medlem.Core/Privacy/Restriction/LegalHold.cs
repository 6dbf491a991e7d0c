namespace Medlem.Core.Privacy.Restriction;

/// <summary>
/// Something the library system says the library must keep a membership for (an unpaid
/// replacement fee, an open loan), recorded by staff or by the library system through the API.
/// An open hold turns an erasure into a restriction (<see cref="ProcessingLimit.ErasurePending"/>);
/// settling the last one completes the erasure.
/// </summary>
public sealed class LegalHold
{
    public long Id { get; set; }

    public int LibraryId { get; set; }

    public Guid MembershipId { get; set; }

    [PersonalData(MedlemTaxonomy.MembershipRecord)] public LegalHoldKind Kind { get; set; }

    /// <summary>The library system's reference (invoice or loan number), so staff can find it there.</summary>
    [PersonalData(MedlemTaxonomy.MembershipRecord)] public required string Reference { get; set; }

    /// <summary>The amount owed in NOK, for a fee.</summary>
    [PersonalData(MedlemTaxonomy.MembershipRecord)] public decimal? Amount { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset CreatedAt { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset? SettledAt { get; set; }
}

public enum LegalHoldKind
{
    /// <summary>An unpaid replacement fee (erstatningskrav): bokføringsloven keeps the claim.</summary>
    UnpaidFee = 1,

    /// <summary>A loan not yet returned: the library's claim to its property.</summary>
    OpenLoan = 2,
}
