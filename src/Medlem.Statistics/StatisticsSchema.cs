namespace Medlem.Statistics;

/// <summary>
/// The statistics store's tables. Facts are append-only and deduplicated by key; the catalogue
/// of events and the door counts are replaced by their natural key; the two aggregates are
/// recomputed for the months and days an import touches. Nothing here holds a name, a card
/// number, an e-mail or a raw device id (the privacy boundary of DESIGN.md §4).
/// </summary>
internal static class StatisticsSchema
{
    public const int Version = 1;

    public const string FactColumns =
        "key UUID NOT NULL, import_id BIGINT NOT NULL, library_id SMALLINT NOT NULL, branch_id SMALLINT, day DATE NOT NULL, " +
        "kind UTINYINT NOT NULL, match UTINYINT NOT NULL, member UUID, visitor UUID, age_band UTINYINT, " +
        "membership_type_id SMALLINT, media VARCHAR, category VARCHAR, event_id VARCHAR, audience UTINYINT, " +
        "minutes INTEGER, title VARCHAR";

    public const string EventColumns =
        "library_id SMALLINT NOT NULL, event_id VARCHAR NOT NULL, title VARCHAR NOT NULL, category VARCHAR NOT NULL, " +
        "audience UTINYINT NOT NULL, starts_at TIMESTAMP NOT NULL, day DATE NOT NULL, branch_id SMALLINT, import_id BIGINT NOT NULL";

    public const string VisitColumns =
        "library_id SMALLINT NOT NULL, branch_id SMALLINT NOT NULL, day DATE NOT NULL, hour UTINYINT NOT NULL, " +
        "count INTEGER NOT NULL, import_id BIGINT NOT NULL";

    public static readonly string Create = $"""
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS fact ({FactColumns});
        CREATE TABLE IF NOT EXISTS event ({EventColumns});
        CREATE TABLE IF NOT EXISTS visit ({VisitColumns});
        CREATE TABLE IF NOT EXISTS member_month (
            library_id SMALLINT NOT NULL, member UUID NOT NULL, month DATE NOT NULL, kind UTINYINT NOT NULL, n INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS branch_day (
            library_id SMALLINT NOT NULL, branch_id SMALLINT, day DATE NOT NULL, kind UTINYINT NOT NULL, match UTINYINT NOT NULL,
            age_band UTINYINT, membership_type_id SMALLINT, n INTEGER NOT NULL, people INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS import_batch (
            import_id BIGINT PRIMARY KEY, library_id SMALLINT NOT NULL, committed_at TIMESTAMP NOT NULL,
            staged BIGINT NOT NULL, loaded BIGINT NOT NULL);
        """;

    public static string StagingFact(long importId) => $"staging_fact_{importId}";

    public static string StagingEvent(long importId) => $"staging_event_{importId}";

    public static string StagingVisit(long importId) => $"staging_visit_{importId}";
}
