namespace Medlem.Statistics;

/// <summary>
/// The statistics store's tables. Facts are stored narrow and packed (<c>fact_row</c>: seven
/// numbers a fact), because at ten million rows an import is bound by how many values DuckDB
/// takes a second (each column's statistics and compression are worked out value by value); the
/// <c>fact</c> view unpacks them for queries. Keys are unique within
/// a library and day; the event catalogue and the door counts are replaced by their natural key;
/// the two aggregates hold one partial count per import and are read with <c>sum(n)</c>. Nothing
/// here holds a name, a card number, an e-mail or a raw device id (the privacy boundary of
/// DESIGN.md §4): members appear as numbers of their register pseudonym, others as numbers of a
/// keyed hash that changes every month.
/// </summary>
internal static class StatisticsSchema
{
    /// <summary>A fact's columns (version 3; version 2 kept branch and type, and the wifi minutes or event code, in columns of their own).</summary>
    private const string FactColumns = """
            key BIGINT NOT NULL,      -- keyed hash of the source's identity of the fact
            import_id INTEGER NOT NULL,
            library_id SMALLINT NOT NULL,
            day DATE NOT NULL,
            who INTEGER,              -- member number (match 1) or visitor number (match 2); null when anonymous
            flags BIGINT NOT NULL,    -- kind | match << 8 | age band << 12 | audience << 16 | branch id << 32 | membership type id << 48; 0 = none
            codes BIGINT NOT NULL     -- media code | category code << 16 | (extra + 1) << 32, extra being wifi: minutes, attendance: the event's code; 0 = none
        """;

    /// <summary>The branch id packed in <c>fact_row.flags</c> (null when none), for a query over <c>fact_row</c> as <paramref name="f"/>.</summary>
    public static string BranchOf(string f = "f") => $"NULLIF(({f}.flags >> 32) & 65535, 0)::SMALLINT";

    /// <summary>The membership type id packed in <c>fact_row.flags</c> (null when none).</summary>
    public static string TypeOf(string f = "f") => $"NULLIF(({f}.flags >> 48) & 65535, 0)::SMALLINT";

    /// <summary>The wifi minutes or the event's code packed in <c>fact_row.codes</c> (null when none).</summary>
    public static string ExtraOf(string f = "f") => $"(NULLIF(({f}.codes >> 32) & 4294967295, 0) - 1)::INTEGER";

    /// <summary>Tables, created when missing; <see cref="Views"/> come after <see cref="Upgrade"/>.</summary>
    public const string Tables = $"""
        CREATE TABLE IF NOT EXISTS fact_row (
        {FactColumns}
        );
        CREATE TABLE IF NOT EXISTS member (member_id INTEGER NOT NULL, library_id SMALLINT NOT NULL, pseudonym UUID NOT NULL);
        CREATE TABLE IF NOT EXISTS visitor (visitor_id INTEGER NOT NULL, library_id SMALLINT NOT NULL, month DATE NOT NULL, hash UUID NOT NULL);
        CREATE TABLE IF NOT EXISTS code (code INTEGER NOT NULL, text VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS title (key BIGINT NOT NULL, library_id SMALLINT NOT NULL, day DATE NOT NULL, title INTEGER NOT NULL); -- the title's code
        CREATE TABLE IF NOT EXISTS event (
            library_id SMALLINT NOT NULL, event_id VARCHAR NOT NULL, title VARCHAR NOT NULL, category VARCHAR NOT NULL,
            audience UTINYINT NOT NULL, starts_at TIMESTAMP NOT NULL, day DATE NOT NULL, branch_id SMALLINT, import_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS visit (
            library_id SMALLINT NOT NULL, branch_id SMALLINT NOT NULL, day DATE NOT NULL, hour UTINYINT NOT NULL,
            count INTEGER NOT NULL, import_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS member_month (
            library_id SMALLINT NOT NULL, member INTEGER NOT NULL, month DATE NOT NULL, kind UTINYINT NOT NULL, n INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS branch_day (
            library_id SMALLINT NOT NULL, branch_id SMALLINT, day DATE NOT NULL, kind UTINYINT NOT NULL, match UTINYINT NOT NULL,
            age_band UTINYINT, membership_type_id SMALLINT, n INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS roster (
            member INTEGER NOT NULL, library_id SMALLINT NOT NULL, branch_id SMALLINT, membership_type_id SMALLINT NOT NULL,
            -- months numbered year * 12 + month - 1: whole months are all insight needs (its periods are whole months)
            born_month INTEGER NOT NULL,  -- the holder's birth month: enough for an age on a month's last day
            from_month INTEGER NOT NULL,  -- first month with a valid day
            until_month INTEGER NOT NULL, -- last month with a valid day (before a block); 2147483647 when open
            ended_month INTEGER);         -- the month of the last valid day when the membership ran out (not blocked)
        CREATE TABLE IF NOT EXISTS roster_sync (library_id SMALLINT NOT NULL, synced_at TIMESTAMP NOT NULL, members INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS member_year (
            library_id SMALLINT NOT NULL, member INTEGER NOT NULL, year SMALLINT NOT NULL,
            loans INTEGER NOT NULL, renewals INTEGER NOT NULL, events INTEGER NOT NULL, wifi INTEGER NOT NULL, digital INTEGER NOT NULL,
            used INTEGER NOT NULL,     -- bit m-1 set: recorded use (loan, renewal, event, wifi, digital loan) in month m
            borrowed INTEGER NOT NULL, -- bit m-1 set: a loan or renewal in month m
            evented INTEGER NOT NULL, wifi_months INTEGER NOT NULL, digital_months INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS visitor_month (
            library_id SMALLINT NOT NULL, kind UTINYINT NOT NULL, month DATE NOT NULL, visitor INTEGER NOT NULL); -- each once
        CREATE TABLE IF NOT EXISTS event_count (library_id SMALLINT NOT NULL, event INTEGER NOT NULL, n INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS store_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS register (fingerprint VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS import_batch (
            import_id INTEGER PRIMARY KEY, library_id SMALLINT NOT NULL, committed_at TIMESTAMP NOT NULL,
            staged BIGINT NOT NULL, loaded BIGINT NOT NULL);
        """;

    /// <summary>The facts unpacked, for queries that name what they read.</summary>
    public static readonly string Views = $"""
        CREATE OR REPLACE VIEW fact AS
        SELECT f.key, f.import_id, f.library_id, {BranchOf()} AS branch_id, f.day,
               (f.flags & 255)::UTINYINT AS kind, ((f.flags >> 8) & 15)::UTINYINT AS match,
               CASE WHEN (f.flags >> 8) & 15 = 1 THEN f.who END AS member,
               CASE WHEN (f.flags >> 8) & 15 = 2 THEN f.who END AS visitor,
               NULLIF((f.flags >> 12) & 15, 0)::UTINYINT AS age_band,
               {TypeOf()} AS membership_type_id,
               media.text AS media, category.text AS category, event.text AS event_id,
               NULLIF((f.flags >> 16) & 15, 0)::UTINYINT AS audience,
               CASE WHEN f.flags & 255 = 6 THEN {ExtraOf()} END AS minutes
        FROM fact_row f
        LEFT JOIN code media ON media.code = NULLIF(f.codes & 65535, 0)
        LEFT JOIN code category ON category.code = NULLIF((f.codes >> 16) & 65535, 0)
        LEFT JOIN code event ON event.code = CASE WHEN f.flags & 255 = 5 THEN {ExtraOf()} END;
        """;

    /// <summary>The version of the tables; a store of an older version is brought up to it when opened (<see cref="Upgrade"/>).</summary>
    public const int Version = 3;

    /// <summary>
    /// The aggregates an import adds for its own facts (<paramref name="where"/> selects them), one
    /// partial per import, read with sums: per member and month and kind, and per branch and day;
    /// and those the insight dashboard reads first (<see cref="InsertInsightAggregates"/>).
    /// </summary>
    public static string InsertAggregates(string where) => $"""
        {InsertMemberAggregates(where)}
        {InsertOtherAggregates(where)}
        """;

    /// <summary>
    /// The member aggregates: <c>member_month</c> and <c>member_year</c> (members per year with a month
    /// mask of each kind of use, so any month-aligned period's activity is a few bit operations on a
    /// table of about one row per member and year). <see cref="MemberMonthCounts"/> counts the same
    /// while an import is written; this is the definition it follows.
    /// </summary>
    public static string InsertMemberAggregates(string where) => $"""
        INSERT INTO member_month
            SELECT library_id, who, date_trunc('month', day)::DATE, (flags & 255)::UTINYINT, count(*)::INTEGER
            FROM fact_row WHERE {where} AND (flags >> 8) & 15 = 1
            GROUP BY ALL;
        {InsertMemberYear(where)}
        """;

    /// <summary>The aggregates besides the members': per branch and day, unknown people per month, attendances per event.</summary>
    public static string InsertOtherAggregates(string where) => $"""
        {InsertBranchDay(where)}
        {InsertVisitorsAndEvents(where)}
        """;

    /// <summary>
    /// <c>branch_day</c>: facts per branch, day, kind, match, age band and membership type, the
    /// flags unpacked as <see cref="BranchDayRow"/> does. <see cref="BranchDayCounts"/> counts the
    /// same while an import is written; this is the definition it follows.
    /// </summary>
    private static string InsertBranchDay(string where) => $"""
        INSERT INTO branch_day
            SELECT library_id, {BranchOf("fact_row")}, day, (flags & 255)::UTINYINT, ((flags >> 8) & 15)::UTINYINT,
                   NULLIF((flags >> 12) & 15, 0)::UTINYINT, {TypeOf("fact_row")}, count(*)::INTEGER
            FROM fact_row WHERE {where}
            GROUP BY ALL;
        """;

    /// <summary>A <c>branch_day</c> group's columns from its packed flags (as <see cref="InsertBranchDay"/> unpacks them; 0 is none).</summary>
    public static (short Branch, byte Kind, byte Match, byte AgeBand, short Type) BranchDayRow(long flags) =>
        ((short)((flags >> 32) & 65535), (byte)(flags & 255), (byte)((flags >> 8) & 15), (byte)((flags >> 12) & 15), (short)((flags >> 48) & 65535));

    /// <summary>
    /// The aggregates version 2 added for the insight dashboard: <c>member_year</c>; unknown people per
    /// month (their keyed hashes change monthly, so only a month's distinct count means anything; each
    /// kept once, so a count is a plain count); attendances per event.
    /// </summary>
    private static string InsertInsightAggregates(string where) => $"""
        {InsertMemberYear(where)}
        {InsertVisitorsAndEvents(where)}
        """;

    private static string InsertMemberYear(string where) => $"""
        INSERT INTO member_year
            SELECT library_id, who, year(day)::SMALLINT,
                   count(*) FILTER (WHERE flags & 255 = 1), count(*) FILTER (WHERE flags & 255 = 2), count(*) FILTER (WHERE flags & 255 = 5),
                   count(*) FILTER (WHERE flags & 255 = 6), count(*) FILTER (WHERE flags & 255 = 7),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE flags & 255 IN ({UseKinds.Sql})), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE flags & 255 IN (1, 2)), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE flags & 255 = 5), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE flags & 255 = 6), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE flags & 255 = 7), 0)
            FROM fact_row WHERE {where} AND (flags >> 8) & 15 = 1
            GROUP BY ALL;
        """;

    /// <summary>Unknown people per month and attendances per event; <paramref name="visitors"/> or <paramref name="events"/> false leaves out a part that would find nothing.</summary>
    public static string InsertVisitorsAndEvents(string where, bool visitors = true, bool events = true) => $"""
        {(visitors ? InsertVisitors(where) : "")}
        {(events ? InsertEventCounts(where) : "")}
        """;

    private static string InsertVisitors(string where) => $"""
        INSERT INTO visitor_month
            SELECT DISTINCT library_id, (flags & 255)::UTINYINT, date_trunc('month', day)::DATE, who
            FROM fact_row WHERE {where} AND (flags >> 8) & 15 = 2
            EXCEPT SELECT library_id, kind, month, visitor FROM visitor_month;
        """;

    private static string InsertEventCounts(string where) => $"""
        INSERT INTO event_count
            SELECT library_id, {ExtraOf("fact_row")}, count(*)::INTEGER FROM fact_row WHERE {where} AND flags & 255 = 5 AND codes >> 32 <> 0
            GROUP BY ALL;
        """;

    /// <summary>
    /// Brings a store made by an older Medlem up to <see cref="Version"/> in one transaction:
    /// version 2 added the insight aggregates, computed here from the facts already stored; version 3
    /// packed the facts into seven columns (<paramref name="repackFacts"/>: the store's <c>fact_row</c>
    /// still has version 2's nine).
    /// </summary>
    public static string Upgrade(int from, bool repackFacts) => from >= Version && !repackFacts ? "" : $"""
        BEGIN TRANSACTION;
        {(repackFacts ? RepackFacts : "")}
        {(from < 2 ? $"DELETE FROM member_year; DELETE FROM visitor_month; DELETE FROM event_count; {InsertInsightAggregates("true")}" : "")}
        DELETE FROM store_version; INSERT INTO store_version VALUES ({Version});
        COMMIT;
        """;

    /// <summary>Version 2's facts (ids: branch | type &lt;&lt; 16; extra: minutes or event code) into version 3's columns.</summary>
    private static readonly string RepackFacts = $"""
        DROP VIEW IF EXISTS fact;
        CREATE TABLE fact_row_v3 (
        {FactColumns}
        );
        INSERT INTO fact_row_v3
            SELECT key, import_id, library_id, day, who,
                   flags::BIGINT | ((ids::BIGINT & 4294967295) << 32),
                   (codes::BIGINT & 4294967295) | coalesce((extra::BIGINT + 1) << 32, 0)
            FROM fact_row;
        DROP TABLE fact_row;
        ALTER TABLE fact_row_v3 RENAME TO fact_row;
        """;

    /// <summary>Packs a fact's kind, match, age band, audience, branch and membership type into <c>fact_row.flags</c> (ids are below 65,536).</summary>
    public static long Flags(in Fact f) =>
        (uint)((byte)f.Kind | ((byte)f.Match << 8) | ((byte)(f.AgeBand ?? 0) << 12) | ((byte)(f.Audience ?? 0) << 16))
        | ((long)Short(f.BranchId) << 32) | ((long)Short(f.MembershipTypeId) << 48);

    /// <summary>Packs a fact's media and category codes and its extra (wifi minutes, or the event's code) into <c>fact_row.codes</c>.</summary>
    public static long Codes(in Fact f) =>
        (ushort)f.Media | ((long)(ushort)f.Category << 16)
        | ((f.Kind == FactKind.EventAttendance ? f.EventId : f.Minutes) is { } extra ? (extra + 1L) << 32 : 0);

    private static int Short(short? id) => id is null ? 0 : (ushort)id.Value;
}
