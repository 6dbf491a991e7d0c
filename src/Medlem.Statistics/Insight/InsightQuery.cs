using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Medlem.Statistics.Insight;

/// <summary>
/// Computes a dashboard's raw figures in the store. The members in scope are gathered once into a
/// small table of one row per membership (its groups, its counts per channel in the period and
/// whether it was active in the period before), from the roster and the per-member monthly
/// aggregate; every member figure is then a grouping over that table. Facts are read only for
/// what needs them: people without a membership, anonymous head counts, events and door counts.
/// All values in the SQL are numbers and dates formatted here, never text from a caller.
/// </summary>
public static class InsightQuery
{
    /// <summary>Months after joining at which a retention cohort is looked at (DESIGN.md §6).</summary>
    public static IReadOnlyList<int> CohortOffsets { get; } = [1, 3, 6, 12, 24];

    /// <summary>Kinds that make a member an active user: loans, renewals, events, identified wifi, digital loans (DESIGN.md §6).</summary>
    internal const string UseKinds = "1, 2, 5, 6, 7";

    public static async Task<InsightFigures> RunAsync(DuckDBConnection connection, InsightScope scope, InsightPeriod period, LoanBuckets buckets, CancellationToken ct = default)
    {
        var p = new Sql(scope, period);
        await connection.ExecuteAsync(p.MemberTable("pm", scope), ct);
        try
        {
            var current = await TotalsAsync(connection, "registered", "active", "borrowings > 0", ct);
            var previous = await TotalsAsync(connection, "registered_prev", "active_prev", "borrowed_prev", ct);
            var months = await connection.QueryAsync(p.Months(), r => new MonthFigures(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);
            var bucketCounts = await connection.QueryAsync(Sql.Buckets(buckets), r => (r.GetInt32(0), r.GetInt64(1)), ct);
            var bands = await connection.QueryAsync(
                "SELECT band, count(*), count(*) FILTER (WHERE borrowings > 0), avg(loans), quantile_cont(loans, 0.5) FROM pm WHERE registered GROUP BY band ORDER BY band",
                r => new BandFigures((AgeBand)r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4)), ct);
            var dropout = await connection.QueryAsync("""
                SELECT CASE WHEN GROUPING(band_prev) = 0 THEN 1 WHEN GROUPING(type_id) = 0 THEN 2 ELSE 0 END,
                       coalesce(band_prev, type_id, 0), count(*), count(*) FILTER (WHERE NOT active)
                FROM pm WHERE registered_prev AND active_prev
                GROUP BY GROUPING SETS ((), (band_prev), (type_id)) ORDER BY 1, 2
                """, r => new DropoutFigures((DropoutGroup)r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3)), ct);
            var cohorts = await connection.QueryAsync(p.Cohorts(scope), r => ReadCohort(r, period), ct);
            var events = await ReachAsync(connection, p, 5, ct);
            var wifi = await ReachAsync(connection, p, 6, ct);
            var overlap = await connection.QueryAsync("""
                SELECT (borrowings > 0)::INT + 2 * (events > 0)::INT + 4 * (wifi > 0)::INT + 8 * (digital > 0)::INT AS channels, count(*)
                FROM pm WHERE registered GROUP BY channels ORDER BY channels
                """, r => new OverlapFigures((Channels)r.GetInt32(0), r.GetInt64(1)), ct);
            var lapsed = await connection.ScalarAsync<long>($"SELECT count(*) FROM pm WHERE valid_to BETWEEN {p.First} AND {p.Last} AND blocked_on IS NULL", ct);
            var branches = await connection.QueryAsync(Sql.Groups("coalesce(branch_id, 0)", "pm"), ReadGroup, ct);
            var libraries = await LibrariesAsync(connection, scope, p, ct);
            var national = await NationalAsync(connection, p, ct);
            return new InsightFigures(scope, period, current, previous, months,
                [.. bucketCounts.Count == 0 ? [] : Enumerable.Range(0, buckets.LowerEdges.Count)
                    .Select(i => new BucketFigures(buckets.LowerEdges[i], buckets.UpperOf(i), bucketCounts.Where(b => b.Item1 == i).Sum(b => b.Item2)))],
                bands, dropout, cohorts, events, wifi, overlap, lapsed, branches, libraries, national);
        }
        finally
        {
            await connection.ExecuteAsync("DROP TABLE IF EXISTS pm", CancellationToken.None);
        }
    }

    private static async Task<PeriodTotals> TotalsAsync(DuckDBConnection connection, string registered, string active, string borrowed, CancellationToken ct)
    {
        var rows = await connection.QueryAsync(
            $"SELECT count(*), count(*) FILTER (WHERE {active}), count(*) FILTER (WHERE {borrowed}), coalesce(sum(loans), 0) FROM pm WHERE {registered}",
            r => new PeriodTotals(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), registered == "registered" ? Int(r, 3) : 0), ct);
        return rows[0];
    }

    private static CohortFigures ReadCohort(System.Data.Common.DbDataReader r, InsightPeriod period)
    {
        var month = DateOnly.FromDateTime(r.GetDateTime(0));
        var lastMonth = new DateOnly(period.Last.Year, period.Last.Month, 1);
        return new CohortFigures(month, r.GetInt64(1),
            [.. CohortOffsets.Select((n, i) => month.AddMonths(n) <= lastMonth ? r.GetInt64(2 + i) : (long?)null)]);
    }

    private static GroupFigures ReadGroup(System.Data.Common.DbDataReader r) =>
        new(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), Int(r, 4));

    private static async Task<ReachFigures> ReachAsync(DuckDBConnection connection, Sql p, int kind, CancellationToken ct)
    {
        var rows = await connection.QueryAsync($"""
            WITH f AS (
                SELECT (flags >> 8) & 15 AS match, who, date_trunc('month', day) AS month
                FROM fact_row WHERE {p.LibraryFilter()} AND day BETWEEN {p.First} AND {p.Last} AND flags & 255 = {kind} {p.FactBranchFilter()}),
            m AS (SELECT DISTINCT f.who, f.month, pm.borrowings > 0 AS borrowing FROM f JOIN pm ON pm.member = f.who WHERE f.match = 1 AND pm.registered),
            u AS (SELECT DISTINCT who, month FROM f WHERE match = 2),
            months AS (SELECT count(DISTINCT month) AS n FROM f)
            SELECT (SELECT count(DISTINCT who) FROM m),
                   (SELECT count(DISTINCT who) FROM m WHERE borrowing),
                   (SELECT count(*) FROM m) / greatest((SELECT n FROM months), 1),
                   (SELECT count(*) FROM u) / greatest((SELECT n FROM months), 1),
                   (SELECT count(*) FROM f WHERE match = 3),
                   (SELECT count(*) FROM f)
            """, r => new ReachFigures(r.GetInt64(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetInt64(4), r.GetInt64(5)), ct);
        return rows[0];
    }

    /// <summary>Every library of the consortium side by side, narrowed by the scope's groups but not by its library.</summary>
    private static async Task<IReadOnlyList<GroupFigures>> LibrariesAsync(DuckDBConnection connection, InsightScope scope, Sql p, CancellationToken ct)
    {
        if (scope.LibraryId is null && scope.BranchId is null)
        {
            return await connection.QueryAsync(Sql.Groups("library_id", "pm"), ReadGroup, ct);
        }

        var all = scope with { LibraryId = null, BranchId = null };
        await connection.ExecuteAsync(p.MemberTable("pm_all", all), ct);
        try
        {
            return await connection.QueryAsync(Sql.Groups("library_id", "pm_all"), ReadGroup, ct);
        }
        finally
        {
            await connection.ExecuteAsync("DROP TABLE IF EXISTS pm_all", CancellationToken.None);
        }
    }

    private static async Task<NationalFigures> NationalAsync(DuckDBConnection connection, Sql p, CancellationToken ct)
    {
        var lib = p.LibraryFilter();
        var totals = (await connection.QueryAsync($"""
            SELECT coalesce(sum(n) FILTER (WHERE kind = 1), 0), coalesce(sum(n) FILTER (WHERE kind = 2), 0),
                   coalesce(sum(n) FILTER (WHERE kind = 1 AND match <> 1), 0), coalesce(sum(n) FILTER (WHERE kind = 7), 0)
            FROM branch_day WHERE {lib} AND day BETWEEN {p.First} AND {p.Last} {p.BranchFilter("branch_id")}
            """, r => (Int(r, 0), Int(r, 1), Int(r, 2), Int(r, 3)), ct))[0];
        var byAge = (await connection.QueryAsync($"""
            WITH r AS (SELECT member, {Sql.Age("born", p.LastDay)} AS age FROM roster WHERE {lib})
            SELECT coalesce(sum(n) FILTER (WHERE r.age <= 14), 0), coalesce(sum(n) FILTER (WHERE r.age > 14), 0), coalesce(sum(n) FILTER (WHERE r.age IS NULL), 0)
            FROM (SELECT who, count(*) AS n FROM fact_row WHERE {lib} AND flags & 255 = 1 AND (flags >> 8) & 15 = 1 AND day BETWEEN {p.First} AND {p.Last} {p.FactBranchFilter()} GROUP BY who) f
            LEFT JOIN r ON r.member = f.who
            """, r => (Int(r, 0), Int(r, 1), Int(r, 2)), ct))[0];
        var events = await connection.QueryAsync($"""
            WITH a AS (
                SELECT f.library_id, c.text AS event_id, count(*) AS n
                FROM fact_row f JOIN code c ON c.code = f.extra
                WHERE {lib.Replace("library_id", "f.library_id", StringComparison.Ordinal)} AND f.flags & 255 = 5 AND f.day BETWEEN {p.First} AND {p.Last}
                GROUP BY ALL)
            SELECT e.category, e.audience, count(*), coalesce(sum(a.n), 0)
            FROM event e LEFT JOIN a ON a.library_id = e.library_id AND a.event_id = e.event_id
            WHERE {lib.Replace("library_id", "e.library_id", StringComparison.Ordinal)} AND e.day BETWEEN {p.First} AND {p.Last} {p.BranchFilter("e.branch_id")}
            GROUP BY ALL ORDER BY 1, 2
            """, r => new EventTypeFigures(r.GetString(0), (Audience)r.GetByte(1), r.GetInt64(2), Int(r, 3)), ct);
        var visits = await connection.ScalarAsync<long>(
            $"SELECT coalesce(sum(count), 0)::BIGINT FROM visit WHERE {lib} AND day BETWEEN {p.First} AND {p.Last} {p.BranchFilter("branch_id")}", ct);
        var activeBorrowers = await connection.ScalarAsync<long>("SELECT count(*) FROM pm WHERE registered AND borrowings > 0", ct);
        return new NationalFigures(activeBorrowers, totals.Item1, totals.Item2, byAge.Item1, byAge.Item2, byAge.Item3 + totals.Item3,
            events, totals.Item4, visits);
    }

    /// <summary>A sum as a long: DuckDB sums BIGINTs to a HUGEINT, which the driver hands over as a <see cref="System.Numerics.BigInteger"/> (not IConvertible).</summary>
    private static long Int(System.Data.Common.DbDataReader r, int i) => r.GetValue(i) switch
    {
        System.Numerics.BigInteger big => (long)big,
        var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The SQL pieces of one scope and period.</summary>
    private sealed class Sql(InsightScope scope, InsightPeriod period)
    {
        private readonly InsightPeriod _previous = period.Previous();

        public string First => Date(period.First);
        public string Last => Date(period.Last);

        public DateOnly LastDay => period.Last;

        public string LibraryFilter() => scope.LibraryId is { } id ? $"library_id = {id}" : "true";

        public string BranchFilter(string column) => scope.BranchId is { } b ? $"AND {column} = {b}" : "";

        public string FactBranchFilter() => scope.BranchId is { } b ? $"AND ids & 65535 = {b}" : "";

        /// <summary>Age in whole years on <paramref name="day"/> (a month's last day) of someone born in the month starting <paramref name="born"/>.</summary>
        public static string Age(string born, DateOnly day) =>
            $"({day.Year} - year({born}) - CASE WHEN {day.Month} < month({born}) THEN 1 ELSE 0 END)";

        /// <summary>The age band (DESIGN.md §6) on <paramref name="day"/>, as <see cref="AgeBand"/>'s number.</summary>
        public static string Band(string born, DateOnly day)
        {
            var age = Age(born, day);
            return $"(CASE WHEN {age} <= 5 THEN 1 WHEN {age} <= 12 THEN 2 WHEN {age} <= 15 THEN 3 WHEN {age} <= 19 THEN 4 " +
                   $"WHEN {age} <= 29 THEN 5 WHEN {age} <= 44 THEN 6 WHEN {age} <= 66 THEN 7 ELSE 8 END)";
        }

        /// <summary>The memberships in scope valid on some day of the period or the one before, one row each with its counts.</summary>
        public string MemberTable(string name, InsightScope s)
        {
            var lib = s.LibraryId is { } id ? $"library_id = {id}" : "true";
            var groups = new StringBuilder();
            if (s.BranchId is { } branch)
            {
                groups.Append(CultureInfo.InvariantCulture, $" AND branch_id = {branch}");
            }

            if (s.MembershipTypeId is { } type)
            {
                groups.Append(CultureInfo.InvariantCulture, $" AND type_id = {type}");
            }

            if (s.AgeBand is { } band)
            {
                groups.Append(CultureInfo.InvariantCulture, $" AND band = {(int)band}");
            }

            var prevFirst = Date(_previous.First);
            return $"""
                CREATE OR REPLACE TEMP TABLE {name} AS
                WITH r AS (
                    SELECT member, library_id, branch_id, membership_type_id AS type_id, valid_from, valid_to, blocked_on,
                           least(coalesce(valid_to, DATE '9999-12-31'), coalesce(blocked_on - 1, DATE '9999-12-31')) AS valid_until,
                           {Band("born", period.Last)} AS band, {Band("born", _previous.Last)} AS band_prev
                    FROM roster WHERE {lib}),
                s AS (SELECT * FROM r WHERE valid_from <= {Last} AND valid_until >= {prevFirst} {groups}),
                a AS (
                    SELECT member,
                           sum(n) FILTER (WHERE kind = 1 AND month >= {First}) AS loans,
                           sum(n) FILTER (WHERE kind IN (1, 2) AND month >= {First}) AS borrowings,
                           sum(n) FILTER (WHERE kind = 5 AND month >= {First}) AS events,
                           sum(n) FILTER (WHERE kind = 6 AND month >= {First}) AS wifi,
                           sum(n) FILTER (WHERE kind = 7 AND month >= {First}) AS digital,
                           count(*) FILTER (WHERE kind IN ({UseKinds}) AND month < {First}) > 0 AS active_prev,
                           count(*) FILTER (WHERE kind IN (1, 2) AND month < {First}) > 0 AS borrowed_prev
                    FROM member_month
                    WHERE {lib} AND month BETWEEN {prevFirst} AND {Last} AND member IN (SELECT member FROM s)
                    GROUP BY member)
                SELECT s.*,
                       s.valid_from <= {Last} AND s.valid_until >= {First} AS registered,
                       s.valid_from <= {Date(_previous.Last)} AND s.valid_until >= {prevFirst} AS registered_prev,
                       coalesce(a.loans, 0) AS loans, coalesce(a.borrowings, 0) AS borrowings, coalesce(a.events, 0) AS events,
                       coalesce(a.wifi, 0) AS wifi, coalesce(a.digital, 0) AS digital,
                       coalesce(a.borrowings, 0) + coalesce(a.events, 0) + coalesce(a.wifi, 0) + coalesce(a.digital, 0) > 0 AS active,
                       coalesce(a.active_prev, false) AS active_prev, coalesce(a.borrowed_prev, false) AS borrowed_prev
                FROM s LEFT JOIN a USING (member)
                """;
        }

        /// <summary>Registered members, active users and active borrowers of every month of the period and the one before.</summary>
        public string Months()
        {
            var lib = LibraryFilter();
            var firstMonth = Date(_previous.First);
            var lastMonth = Date(new DateOnly(period.Last.Year, period.Last.Month, 1));
            return $"""
                WITH months AS (SELECT unnest(generate_series({firstMonth}::TIMESTAMP, {lastMonth}::TIMESTAMP, INTERVAL 1 MONTH))::DATE AS month),
                act AS (
                    SELECT member, month, bool_or(kind IN (1, 2)) AS borrowed
                    FROM member_month WHERE {lib} AND month BETWEEN {firstMonth} AND {lastMonth} AND kind IN ({UseKinds})
                    GROUP BY member, month)
                SELECT m.month, count(*), count(act.member), count(*) FILTER (WHERE act.borrowed)
                FROM months m
                JOIN pm ON pm.valid_from <= last_day(m.month) AND pm.valid_until >= m.month
                LEFT JOIN act ON act.member = pm.member AND act.month = m.month
                GROUP BY m.month ORDER BY m.month
                """;
        }

        public static string Buckets(LoanBuckets buckets)
        {
            var cases = new StringBuilder("CASE");
            for (var i = buckets.LowerEdges.Count - 1; i > 0; i--)
            {
                cases.Append(CultureInfo.InvariantCulture, $" WHEN loans >= {buckets.LowerEdges[i]} THEN {i}");
            }

            cases.Append(" ELSE 0 END");
            return $"SELECT {cases} AS bucket, count(*) FROM pm WHERE registered GROUP BY bucket";
        }

        /// <summary>
        /// Cohorts by month of joining, over the 24 months before the period's last month, narrowed
        /// like the members in scope; for each offset n, the members with recorded use in month n after joining.
        /// </summary>
        public string Cohorts(InsightScope s)
        {
            var lastMonth = new DateOnly(period.Last.Year, period.Last.Month, 1);
            var firstCohort = Date(lastMonth.AddMonths(-CohortOffsets[^1]));
            var lib = LibraryFilter();
            var groups = (s.BranchId is { } b ? $" AND branch_id = {b}" : "")
                + (s.MembershipTypeId is { } t ? $" AND membership_type_id = {t}" : "")
                + (s.AgeBand is { } band ? $" AND {Band("born", period.Last)} = {(int)band}" : "");
            var retained = string.Join(", ", CohortOffsets.Select(n =>
                $"count(DISTINCT act.member) FILTER (WHERE act.month = (c.cohort + INTERVAL {n} MONTH)::DATE)"));
            return $"""
                WITH c AS (
                    SELECT member, date_trunc('month', valid_from)::DATE AS cohort FROM roster
                    WHERE {lib} AND valid_from >= {firstCohort} AND valid_from < {Date(lastMonth)} {groups}),
                act AS (
                    SELECT DISTINCT member, month FROM member_month
                    WHERE {lib} AND kind IN ({UseKinds}) AND month > {firstCohort} AND month <= {Date(lastMonth)} AND member IN (SELECT member FROM c))
                SELECT c.cohort, count(DISTINCT c.member), {retained}
                FROM c LEFT JOIN act ON act.member = c.member
                GROUP BY c.cohort ORDER BY c.cohort
                """;
        }

        /// <summary>Registered members, active users, active borrowers and loans per group of a member table.</summary>
        public static string Groups(string key, string table) => $"""
            SELECT {key}::INTEGER AS id, count(*), count(*) FILTER (WHERE active), count(*) FILTER (WHERE borrowings > 0), coalesce(sum(loans), 0)
            FROM {table} WHERE registered GROUP BY id ORDER BY id
            """;

        private static string Date(DateOnly day) => $"DATE '{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
    }
}
