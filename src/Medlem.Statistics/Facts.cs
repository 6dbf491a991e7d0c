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
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public struct Fact
{
    // The optional values are kept without a flag each, 0 standing for none (ids, store numbers,
    // bands and audiences start at 1; minutes are kept plus one): 56 bytes a fact instead of 80.
    // Ten million of them pass from the mapping threads to the applying one, and the stage's
    // speed follows the memory's.
    private int _member;
    private int _visitor;
    private int _minutesPlusOne;
    private short _branchId;
    private short _membershipTypeId;
    private AgeBand _ageBand;
    private Audience _audience;

    /// <summary>
    /// Keyed 64-bit hash of the source's identity of the event: the same event imported twice
    /// has the same key. Unique within a library and day, where a collision of two true facts is
    /// about one in 10^10 a day (30,000 facts a day; 2^64 values).
    /// </summary>
    public long Key { get; set; }
    public short LibraryId { get; set; }

    /// <summary>The branch (ids start at 1); null when none.</summary>
    public short? BranchId
    {
        readonly get => _branchId == 0 ? null : _branchId;
        set => _branchId = value ?? 0;
    }

    public DateOnly Day { get; set; }
    public FactKind Kind { get; set; }
    public MatchKind Match { get; set; }

    /// <summary>
    /// The statistics store's number for the membership's pseudonym (<see cref="MatchKind.Member"/>
    /// only; <see cref="StatisticsNumbers.Member"/>, from 1). A small integer packs and joins far better than the Guid.
    /// </summary>
    public int? Member
    {
        readonly get => _member == 0 ? null : _member;
        set => _member = value ?? 0;
    }

    /// <summary>The store's number (from 1) for a keyed monthly hash of an unmatched reference or a device (<see cref="StatisticsNumbers.Visitor"/>).</summary>
    public int? Visitor
    {
        readonly get => _visitor == 0 ? null : _visitor;
        set => _visitor = value ?? 0;
    }

    public AgeBand? AgeBand
    {
        readonly get => _ageBand == 0 ? null : _ageBand;
        set => _ageBand = value ?? 0;
    }

    /// <summary>The membership type (ids start at 1); null when none.</summary>
    public short? MembershipTypeId
    {
        readonly get => _membershipTypeId == 0 ? null : _membershipTypeId;
        set => _membershipTypeId = value ?? 0;
    }

    /// <summary>Code of the item type, digital format or wifi login method; 0 for none.</summary>
    public int Media { get; set; }

    /// <summary>Code of the collection or event category; 0 for none.</summary>
    public int Category { get; set; }

    /// <summary>Code of the catalogue event's id (attendance); 0 for none.</summary>
    public int EventId { get; set; }

    public Audience? Audience
    {
        readonly get => _audience == 0 ? null : _audience;
        set => _audience = value ?? 0;
    }

    /// <summary>Length of a wifi session (0 or more).</summary>
    public int? Minutes
    {
        readonly get => _minutesPlusOne == 0 ? null : _minutesPlusOne - 1;
        set => _minutesPlusOne = value + 1 ?? 0;
    }

    /// <summary>Code of the title or item borrowed: only for members who keep a reading history; 0 for none.</summary>
    public int Title { get; set; }
}

/// <summary>A catalogued event: no people.</summary>
public sealed record EventEntry(
    short LibraryId, string EventId, string Title, string Category, Audience Audience, DateTime StartsAt, short? BranchId);

/// <summary>A door counter's count for one branch and hour: no people.</summary>
public readonly record struct VisitCount(short LibraryId, short BranchId, DateOnly Day, byte Hour, int Count);
