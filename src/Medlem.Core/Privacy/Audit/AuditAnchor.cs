namespace Medlem.Core.Privacy.Audit;

/// <summary>
/// Where the audit chain begins after retention cut its oldest entries: the sequence number and
/// hash of the last entry removed. Verification starts from here instead of the genesis, so the
/// chain that is left still proves that nothing in it was changed. One row.
/// </summary>
public sealed class AuditAnchor
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>The last removed entry's sequence number: the first kept entry has the next.</summary>
    [NotPersonalData] public long Sequence { get; set; }

    /// <summary>The last removed entry's hash: the first kept entry's <see cref="AuditEntry.PreviousHash"/>.</summary>
    [NotPersonalData] public required string Hash { get; set; }

    [NotPersonalData] public DateTimeOffset CutAt { get; set; }
}
