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

/// <summary>The kinds that are "recorded use" of a member (DESIGN.md §6): loans, renewals, events, identified wifi, digital loans.</summary>
public static class UseKinds
{
    /// <summary>The kinds' numbers as a SQL list, for <c>IN (…)</c>.</summary>
    public const string Sql = "1, 2, 5, 6, 7";

    /// <summary>Whether a kind is recorded use: every kind but returns and local use (the same kinds as <see cref="Sql"/>).</summary>
    public static bool Contains(FactKind kind) => kind is not (FactKind.Return or FactKind.LocalUse);
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
/// Texts are held as codes (<see cref="StatisticsNumbers.Code"/>) so the struct has no
/// references: ten million of them are copied between threads without the garbage collector's
/// write barriers, which had cost more than parsing the rows.
/// </summary>
public struct Fact
{
    /// <summary>
    /// Keyed 64-bit hash of the source's identity of the event: the same event imported twice
    /// has the same key. Unique within a library and day, where a collision of two true facts is
    /// about one in 10^10 a day (30,000 facts a day; 2^64 values).
    /// </summary>
    public long Key { get; set; }
    public short LibraryId { get; set; }
    public short? BranchId { get; set; }
    public DateOnly Day { get; set; }
    public FactKind Kind { get; set; }
    public MatchKind Match { get; set; }

    /// <summary>
    /// The statistics store's number for the membership's pseudonym (<see cref="MatchKind.Member"/>
    /// only; <see cref="StatisticsNumbers.Member"/>). A small integer packs and joins far better than the Guid.
    /// </summary>
    public int? Member { get; set; }

    /// <summary>The store's number for a keyed monthly hash of an unmatched reference or a device (<see cref="StatisticsNumbers.Visitor"/>).</summary>
    public int? Visitor { get; set; }
    public AgeBand? AgeBand { get; set; }
    public short? MembershipTypeId { get; set; }

    /// <summary>Code of the item type, digital format or wifi login method; 0 for none.</summary>
    public int Media { get; set; }

    /// <summary>Code of the collection or event category; 0 for none.</summary>
    public int Category { get; set; }

    /// <summary>Code of the catalogue event's id (attendance); 0 for none.</summary>
    public int EventId { get; set; }
    public Audience? Audience { get; set; }

    /// <summary>Length of a wifi session.</summary>
    public int? Minutes { get; set; }

    /// <summary>Code of the title or item borrowed: only for members who keep a reading history; 0 for none.</summary>
    public int Title { get; set; }
}

/// <summary>A catalogued event: no people.</summary>
public sealed record EventEntry(
    short LibraryId, string EventId, string Title, string Category, Audience Audience, DateTime StartsAt, short? BranchId);

/// <summary>A door counter's count for one branch and hour: no people.</summary>
public readonly record struct VisitCount(short LibraryId, short BranchId, DateOnly Day, byte Hour, int Count);
