using Medlem.Core.Privacy;

namespace Medlem.Core.Activity;

/// <summary>
/// The record of one import: what came in, from where, who ran it and what became of every row.
/// Every row read is either rejected (with its reason in <see cref="Errors"/>) or staged as facts;
/// staged facts are loaded or found to be duplicates. A row is usually one fact; a loan record with
/// renewals is several. Kept in the register, not the statistics store.
/// </summary>
public sealed class ImportRun
{
    public long Id { get; set; }

    public int LibraryId { get; set; }

    [NotPersonalData] public ImportKind Kind { get; set; }

    [NotPersonalData] public ImportFormat Format { get; set; }

    /// <summary>How it arrived: <c>cli</c>, <c>web</c> or <c>api</c>.</summary>
    [NotPersonalData] public required string Channel { get; set; }

    /// <summary>The file's name as given, or the API source's name.</summary>
    [NotPersonalData] public required string FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes, hex: the same file imported again is recognised by it.</summary>
    [NotPersonalData] public required string FileHash { get; set; }

    [NotPersonalData] public long Bytes { get; set; }

    /// <summary>The API batch's idempotency key, unique per library.</summary>
    [NotPersonalData] public string? IdempotencyKey { get; set; }

    [NotPersonalData] public ImportState State { get; set; }

    [NotPersonalData] public long RowsRead { get; set; }

    /// <summary>Facts (or catalogue entries, counts, links) that were new.</summary>
    [NotPersonalData] public long RowsLoaded { get; set; }

    /// <summary>Facts already in the store, or repeated in the file.</summary>
    [NotPersonalData] public long RowsDuplicate { get; set; }

    [NotPersonalData] public long RowsRejected { get; set; }

    /// <summary>Rows whose member reference no member holds (event-goers without a card, say).</summary>
    [NotPersonalData] public long RowsUnmatched { get; set; }

    /// <summary>Rows with no member reference at all (anonymous head counts).</summary>
    [NotPersonalData] public long RowsAnonymous { get; set; }

    [NotPersonalData] public DateTimeOffset StartedAt { get; set; }

    [NotPersonalData] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The staff account or operator who ran it (user name), or the API source.</summary>
    [PersonalData(MedlemTaxonomy.AccountUserName)] public required string RunBy { get; set; }

    /// <summary>Why the import as a whole failed (unreadable file, say); rows' reasons are in <see cref="Errors"/>.</summary>
    [NotPersonalData] public string? Failure { get; set; }

    public List<ImportRowError> Errors { get; set; } = [];

    public TimeSpan? Duration => FinishedAt - StartedAt;
}

public enum ImportState
{
    Running = 0,
    Completed = 1,
    Failed = 2,
}

/// <summary>One rejected row: where it is and why. The value may hold personal data (a card number), so it is classified.</summary>
public sealed class ImportRowError
{
    public long Id { get; set; }

    public long ImportRunId { get; set; }

    [NotPersonalData] public long Line { get; set; }

    [NotPersonalData] public string? Column { get; set; }

    [PersonalData(MedlemTaxonomy.UniqueId)] public string? Value { get; set; }

    /// <summary>A reason code (<see cref="ImportReasons"/>), shown in the user's language.</summary>
    [NotPersonalData] public required string Reason { get; set; }
}

/// <summary>
/// A member's id in a library system (Koha borrowernumber, FOLIO user id), learnt from a patrons
/// import, so that circulation rows that name only that id can be matched.
/// </summary>
public sealed class SourceIdentity
{
    public long Id { get; set; }

    public Guid MembershipId { get; set; }

    public int LibraryId { get; set; }

    [NotPersonalData] public ImportFormat System { get; set; }

    [PersonalData(MedlemTaxonomy.UniqueId)] public required string ExternalId { get; set; }
}

/// <summary>
/// Secret keys for the statistics store's hashes: one for fact keys (so a key cannot be turned
/// back into the row it came from) and one per month for unmatched references and devices
/// (rotated, so a device cannot be followed from month to month); and the register's key for the
/// keyed hash of electronic-ID subjects (<c>eid-subject</c>, Members/ElectronicId). Held in the
/// register only.
/// </summary>
public sealed class StatisticsKey
{
    public int Id { get; set; }

    /// <summary><c>fact</c>, <c>visitor</c> or <c>eid-subject</c>.</summary>
    [NotPersonalData] public required string Purpose { get; set; }

    /// <summary>The month (<c>2026-11</c>) a visitor key is for; empty for the fact key.</summary>
    [NotPersonalData] public required string Period { get; set; }

    [NotPersonalData] public required byte[] Secret { get; set; }

    [NotPersonalData] public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A connected system allowed to post activity to one library, known by its API key's hash.</summary>
public sealed class ActivitySource
{
    public int Id { get; set; }

    public int LibraryId { get; set; }

    [NotPersonalData] public required string Name { get; set; }

    /// <summary>The key's first characters, to find it and to show which key it is.</summary>
    [NotPersonalData] public required string KeyPrefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex; the key itself is shown once and never stored.</summary>
    [NotPersonalData] public required string KeyHash { get; set; }

    [NotPersonalData] public DateTimeOffset CreatedAt { get; set; }

    [PersonalData(MedlemTaxonomy.AccountUserName)] public required string CreatedBy { get; set; }

    [NotPersonalData] public DateTimeOffset? RevokedAt { get; set; }
}
