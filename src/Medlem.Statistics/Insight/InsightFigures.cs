namespace Medlem.Statistics.Insight;

/// <summary>
/// The raw figures of one dashboard, straight from the store: exact counts, not yet suppressed.
/// They never leave the server as they are; <c>Medlem.Core.Insight</c> suppresses small counts
/// before anything is shown, exported or returned. Definitions: DESIGN.md §6.
/// </summary>
public sealed record InsightFigures(
    InsightScope Scope,
    InsightPeriod Period,
    PeriodTotals Current,
    PeriodTotals Previous,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<BucketFigures> Buckets,
    IReadOnlyList<BandFigures> Bands,
    IReadOnlyList<DropoutFigures> Dropout,
    IReadOnlyList<CohortFigures> Cohorts,
    ReachFigures Events,
    ReachFigures Wifi,
    IReadOnlyList<OverlapFigures> Overlap,
    long Lapsed,
    IReadOnlyList<GroupFigures> Branches,
    IReadOnlyList<GroupFigures> Libraries,
    NationalFigures National);

/// <summary>Registered members, active users and active borrowers of a period, and the loans (first-time loans, not renewals) of its registered members.</summary>
public sealed record PeriodTotals(long Registered, long ActiveUsers, long ActiveBorrowers, long Loans);

/// <summary>One calendar month of the period or the one before it.</summary>
public sealed record MonthFigures(DateOnly Month, long Registered, long ActiveUsers, long ActiveBorrowers);

/// <summary>Registered members whose loans in the period fall between <paramref name="From"/> and <paramref name="To"/> (open when null).</summary>
public sealed record BucketFigures(int From, int? To, long Members);

/// <summary>Registered members of an age band, the borrowers among them, and their loans per member (zeros included).</summary>
public sealed record BandFigures(AgeBand Band, long Members, long ActiveBorrowers, double MeanLoans, double MedianLoans);

/// <summary>What a dropout row is grouped by.</summary>
public enum DropoutGroup
{
    All,
    AgeBand,
    MembershipType,
}

/// <summary>Members active in the previous period (<paramref name="ActiveBefore"/>) and those of them not active in this one (<paramref name="Dropped"/>).</summary>
public sealed record DropoutFigures(DropoutGroup Group, int GroupId, long ActiveBefore, long Dropped);

/// <summary>
/// Members who joined in <paramref name="Month"/> and, for each of <see cref="InsightQuery.CohortOffsets"/>, how
/// many had recorded use in the month that many months later; null where that month has not ended yet.
/// </summary>
public sealed record CohortFigures(DateOnly Month, long Members, IReadOnlyList<long?> Retained);

/// <summary>
/// Who took part in events (or used the wifi) in the period: registered members (distinct), the
/// active borrowers among them, and, per month with any such use, the average of members and of
/// people without a membership (unknown references or devices: their keyed hashes change every
/// month, so only a month's distinct count is meaningful); anonymous head counts; all facts.
/// </summary>
public sealed record ReachFigures(long Members, long MembersBorrowing, double MembersPerMonth, double WithoutMembershipPerMonth, long Anonymous, long Facts);

/// <summary>Registered members whose channels in the period are exactly <paramref name="Channels"/>.</summary>
public sealed record OverlapFigures(Channels Channels, long Members);

/// <summary>The channels of use (DESIGN.md §6 "channel overlap").</summary>
[Flags]
public enum Channels
{
    None = 0,
    Loans = 1,
    Events = 2,
    Wifi = 4,
    Digital = 8,
}

/// <summary>A branch (by home branch; 0 for none) or a library, side by side.</summary>
public sealed record GroupFigures(int Id, long Registered, long ActiveUsers, long ActiveBorrowers, long Loans);

/// <summary>
/// The yearly figures public libraries report to Nasjonalbiblioteket, where Medlem has the data:
/// active borrowers, first-time loans and renewals, loans to children (0–14 on the period's last
/// day) and to adults (and to borrowers of unknown age: not matched to a member), events by
/// category and audience with their participants, digital loans and visits.
/// </summary>
public sealed record NationalFigures(
    long ActiveBorrowers, long Loans, long Renewals, long LoansToChildren, long LoansToAdults, long LoansUnknownAge,
    IReadOnlyList<EventTypeFigures> Events, long DigitalLoans, long Visits);

/// <summary>Events of one category and audience in the period, and their participants (attendances, anonymous ones included).</summary>
public sealed record EventTypeFigures(string Category, Audience Audience, long Events, long Participants);
