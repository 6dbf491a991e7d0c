namespace Medlem.Statistics;

/// <summary>What a fact records. Stored as a small number; never renumber.</summary>
public enum FactKind : byte
{
    Loan = 1,
    Renewal = 2,
    Return = 3,
    LocalUse = 4,
    EventAttendance = 5,
    WifiSession = 6,
    DigitalLoan = 7,
}

/// <summary>How the fact's person was recognised.</summary>
public enum MatchKind : byte
{
    /// <summary>A member of the register: the fact carries the membership's pseudonym.</summary>
    Member = 1,

    /// <summary>A reference (card number, e-mail, device) that no member holds: a keyed monthly hash only.</summary>
    Unmatched = 2,

    /// <summary>No reference at all: an anonymous head count.</summary>
    Anonymous = 3,
}

/// <summary>Who an event is for.</summary>
public enum Audience : byte
{
    Children = 1,
    Youth = 2,
    Adults = 3,
    All = 4,
}

/// <summary>
/// One pseudonymous fact: what happened, where, on which day, and for which membership
/// pseudonym in which age band and membership type at the time. Nothing here names anyone.
/// </summary>
public struct Fact
{
    /// <summary>Keyed hash of the source's identity of the event: the same event imported twice has the same key.</summary>
    public Guid Key { get; set; }
    public short LibraryId { get; set; }
    public short? BranchId { get; set; }
    public DateOnly Day { get; set; }
    public FactKind Kind { get; set; }
    public MatchKind Match { get; set; }

    /// <summary>The membership's random pseudonym (<see cref="MatchKind.Member"/> only).</summary>
    public Guid? Member { get; set; }

    /// <summary>Keyed hash of an unmatched reference or a device, with a key rotated monthly.</summary>
    public Guid? Visitor { get; set; }
    public AgeBand? AgeBand { get; set; }
    public short? MembershipTypeId { get; set; }

    /// <summary>Item type, digital format or wifi login method.</summary>
    public string? Media { get; set; }

    /// <summary>Collection code or event category.</summary>
    public string? Category { get; set; }
    public string? EventId { get; set; }
    public Audience? Audience { get; set; }

    /// <summary>Length of a wifi session.</summary>
    public int? Minutes { get; set; }

    /// <summary>The title or item borrowed: only for members who keep a reading history.</summary>
    public string? Title { get; set; }
}

/// <summary>A catalogued event: no people.</summary>
public sealed record EventEntry(
    short LibraryId, string EventId, string Title, string Category, Audience Audience, DateTime StartsAt, short? BranchId);

/// <summary>A door counter's count for one branch and hour: no people.</summary>
public readonly record struct VisitCount(short LibraryId, short BranchId, DateOnly Day, byte Hour, int Count);
