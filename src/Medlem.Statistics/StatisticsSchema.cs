namespace Medlem.Statistics;

/// <summary>
/// The statistics store's tables. Facts are stored narrow and packed (<c>fact_row</c>: eight
/// numbers a fact), because at ten million rows an import is bound by how many values DuckDB's
/// appender takes a second; the <c>fact</c> view unpacks them for queries. Keys are unique within
/// a library and day; the event catalogue and the door counts are replaced by their natural key;
/// the two aggregates hold one partial count per import and are read with <c>sum(n)</c>. Nothing
/// here holds a name, a card number, an e-mail or a raw device id (the privacy boundary of
/// DESIGN.md §4): members appear as numbers of their register pseudonym, others as numbers of a
/// keyed hash that changes every month.
/// </summary>
internal static class StatisticsSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS fact_row (
            key BIGINT NOT NULL,      -- keyed hash of the source's identity of the fact
            import_id INTEGER NOT NULL,
            library_id SMALLINT NOT NULL,
            day DATE NOT NULL,
            who INTEGER,              -- member number (match 1) or visitor number (match 2); null when anonymous
            flags INTEGER NOT NULL,   -- kind | match << 8 | age band << 12 | audience << 16
            ids INTEGER NOT NULL,     -- branch id | membership type id << 16; 0 = none
            codes INTEGER NOT NULL,   -- media code | category code << 16; 0 = none
            extra INTEGER             -- wifi: minutes; attendance: the event's code
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
            born DATE NOT NULL,       -- first day of the holder's birth month: enough for an age on a month's last day
            valid_from DATE NOT NULL, valid_to DATE, blocked_on DATE);
        CREATE TABLE IF NOT EXISTS roster_sync (library_id SMALLINT NOT NULL, synced_at TIMESTAMP NOT NULL, members INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS register (fingerprint VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS import_batch (
            import_id INTEGER PRIMARY KEY, library_id SMALLINT NOT NULL, committed_at TIMESTAMP NOT NULL,
            staged BIGINT NOT NULL, loaded BIGINT NOT NULL);

        CREATE OR REPLACE VIEW fact AS
        SELECT f.key, f.import_id, f.library_id, NULLIF(f.ids & 65535, 0)::SMALLINT AS branch_id, f.day,
               (f.flags & 255)::UTINYINT AS kind, ((f.flags >> 8) & 15)::UTINYINT AS match,
               CASE WHEN (f.flags >> 8) & 15 = 1 THEN f.who END AS member,
               CASE WHEN (f.flags >> 8) & 15 = 2 THEN f.who END AS visitor,
               NULLIF((f.flags >> 12) & 15, 0)::UTINYINT AS age_band,
               NULLIF(f.ids >> 16, 0)::SMALLINT AS membership_type_id,
               media.text AS media, category.text AS category, event.text AS event_id,
               NULLIF((f.flags >> 16) & 15, 0)::UTINYINT AS audience,
               CASE WHEN f.flags & 255 = 6 THEN f.extra END AS minutes
        FROM fact_row f
        LEFT JOIN code media ON media.code = NULLIF(f.codes & 65535, 0)
        LEFT JOIN code category ON category.code = NULLIF(f.codes >> 16, 0)
        LEFT JOIN code event ON event.code = CASE WHEN f.flags & 255 = 5 THEN f.extra END;
        """;

    /// <summary>Packs a fact's small fields into <c>fact_row.flags</c>.</summary>
    public static int Flags(in Fact f) =>
        (byte)f.Kind | ((byte)f.Match << 8) | ((byte)(f.AgeBand ?? 0) << 12) | ((byte)(f.Audience ?? 0) << 16);

    /// <summary>Packs branch and membership type ids (both below 65,536) into <c>fact_row.ids</c>.</summary>
    public static int Ids(in Fact f) => Short(f.BranchId) | (Short(f.MembershipTypeId) << 16);

    private static int Short(short? id) => id is null ? 0 : (ushort)id.Value;
}
