namespace Medlem.Core.Privacy.Restriction;

/// <summary>
/// What a membership's processing is limited to. Every limit takes the membership out of the
/// statistics (roster and activity matching) from the moment it is set.
/// </summary>
public enum ProcessingLimit
{
    None = 0,

    /// <summary>
    /// Restricted (GDPR art. 18): while the member contests the data's accuracy or the processing,
    /// the data are only stored; used again when the restriction is lifted, and the member is told first.
    /// </summary>
    Restricted = 1,

    /// <summary>
    /// The member objected (art. 21) to statistics, whose basis is a task in the public interest
    /// (art. 6(1)(e), folkebibliotekloven). Their use is counted from now on as an unknown visitor's, never linked to them.
    /// </summary>
    ObjectedToStatistics = 2,

    /// <summary>
    /// Erasure was requested but the law requires keeping something until it is settled (an unpaid
    /// replacement fee, an open loan: art. 17(3)(b) and (e)). Restricted meanwhile; erased when the
    /// last <see cref="LegalHold"/> is settled.
    /// </summary>
    ErasurePending = 3,
}
