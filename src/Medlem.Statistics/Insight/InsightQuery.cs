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

    public static async Task<InsightFigures> RunAsync(DuckDBConnection connection, InsightScope scope, InsightPeriod period, LoanBuckets buckets, CancellationToken ct = default)
    {
        var p = new Sql(scope, period);

        // The members in scope are computed once into a temporary table of narrow integer columns
        // (one row each), then read in two passes: one row of totals, one grouping with grouping
        // sets. Computing them twice instead cost more than writing them down (docs/benchmarks.md).
        // A temporary table belongs to its connection, so dashboards side by side do not meet.
        await connection.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE pm AS {p.MemberRows(scope)}", ct);
        Totals totals;
        List<GroupRow> groups;
        try
        {
            totals = (await connection.QueryAsync(p.MemberTotals(), r => ReadTotals(r, p), ct))[0];
            groups = await connection.QueryAsync(p.MemberGroups(), r => ReadGroupRow(r), ct);
        }
        finally
        {
            await connection.ExecuteAsync("DROP TABLE IF EXISTS pm", CancellationToken.None);
        }

        var cohorts = await connection.QueryAsync(p.Cohorts(scope), r => ReadCohort(r, p), ct);
        var events = await ReachAsync(connection, p, 5, totals.Events, ct);
        var wifi = await ReachAsync(connection, p, 6, totals.Wifi, ct);
        var libraries = scope.LibraryId is null && scope.BranchId is null
            ? [.. groups.Where(g => g.Set == GroupSet.Library && g.Registered > 0).Select(g => g.AsGroup())]
            : await connection.QueryAsync(p.LibraryComparison(), ReadGroup, ct);
        var national = await NationalAsync(connection, p, totals.Current.ActiveBorrowers, ct);
        return new InsightFigures(scope, period, totals.Current, totals.Previous, totals.Months,
            totals.Current.Registered == 0 ? [] : [.. Enumerable.Range(0, buckets.LowerEdges.Count).Select(b => new BucketFigures(
                buckets.LowerEdges[b], buckets.UpperOf(b),
                groups.Where(g => g.Set == GroupSet.BandLoans && g.LoanCount >= buckets.LowerEdges[b] && g.LoanCount <= (buckets.UpperOf(b) ?? long.MaxValue)).Sum(g => g.Registered)))],
            [.. groups.Where(g => g.Set == GroupSet.BandLoans && g.Registered > 0).GroupBy(g => g.Id).OrderBy(b => b.Key).Select(b => Band(b.Key, [.. b]))],
            [.. groups.Where(g => g.Set is GroupSet.All or GroupSet.BandBefore or GroupSet.Type && g.ActiveBefore > 0)
                .Select(g => new DropoutFigures(g.Set switch { GroupSet.All => DropoutGroup.All, GroupSet.BandBefore => DropoutGroup.AgeBand, _ => DropoutGroup.MembershipType },
                    g.Id, g.ActiveBefore, g.Dropped))],
            cohorts, events, wifi,
            [.. groups.Where(g => g.Set == GroupSet.Channels && g.Registered > 0).Select(g => new OverlapFigures((Channels)g.Id, g.Registered))],
            totals.Lapsed,
            [.. groups.Where(g => g.Set == GroupSet.Branch && g.Registered > 0).Select(g => g.AsGroup())],
            libraries, national);
    }

    /// <summary>The grouping set a row of <see cref="Sql.MemberGroups"/> belongs to.</summary>
    private enum GroupSet
    {
        All = 0,
        BandBefore = 2,
        Type,
        Branch,
        Library,

        /// <summary>Per age band and loan count: a histogram of loans per member, from which the bands and the loan buckets follow.</summary>
        BandLoans,
        Channels = 8,
    }

    private sealed record GroupRow(GroupSet Set, int Id, long Registered, long ActiveUsers, long ActiveBorrowers, long Loans, long LoanCount, long ActiveBefore, long Dropped)
    {
        public GroupFigures AsGroup() => new(Id, Registered, ActiveUsers, ActiveBorrowers, Loans);
    }

    private static GroupRow ReadGroupRow(System.Data.Common.DbDataReader r) => new(
        (GroupSet)r.GetInt32(0), r.IsDBNull(1) ? 0 : r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), Int(r, 5),
        r.IsDBNull(6) ? 0 : Int(r, 6), r.GetInt64(7), r.GetInt64(8));

    /// <summary>
    /// An age band's registered members, borrowers, and mean and median loans (zeros included; the
    /// median of an even count is the mean of the two middle values), from its histogram of loan counts.
    /// </summary>
    private static BandFigures Band(int band, List<GroupRow> histogram)
    {
        histogram = [.. histogram.OrderBy(h => h.LoanCount)];
        long LoansAt(long position)
        {
            var seen = 0L;
            foreach (var h in histogram)
            {
                seen += h.Registered;
                if (position < seen)
                {
                    return h.LoanCount;
                }
            }

            return 0;
        }

        var n = histogram.Sum(h => h.Registered);
        var median = n % 2 == 1 ? LoansAt(n / 2) : (LoansAt((n / 2) - 1) + LoansAt(n / 2)) / 2.0;
        return new BandFigures((AgeBand)band, n, histogram.Sum(h => h.ActiveBorrowers), (double)histogram.Sum(h => h.Loans) / n, median);
    }

    private sealed record Totals(
        PeriodTotals Current, PeriodTotals Previous, IReadOnlyList<MonthFigures> Months, long Lapsed, (long Members, long Borrowing, long MemberMonths) Events, (long Members, long Borrowing, long MemberMonths) Wifi);

    private static Totals ReadTotals(System.Data.Common.DbDataReader r, Sql p)
    {
        var i = 0;
        long Next() => Int(r, i++);
        var current = new PeriodTotals(Next(), Next(), Next(), Next());
        var previous = new PeriodTotals(Next(), Next(), Next(), 0);
        var months = p.MonthStarts.Select(month => new MonthFigures(month, Next(), Next(), Next())).ToList();
        var lapsed = Next();
        var events = (Next(), Next(), Next());
        var wifi = (Next(), Next(), Next());
        return new Totals(current, previous, months, lapsed, events, wifi);
    }

    private static CohortFigures ReadCohort(System.Data.Common.DbDataReader r, Sql p)
    {
        var bit = r.GetInt32(0);
        return new CohortFigures(p.MonthOf(bit), r.GetInt64(1),
            [.. CohortOffsets.Select((n, i) => bit + n <= Sql.LastBit ? r.GetInt64(2 + i) : (long?)null)]);
    }

    private static GroupFigures ReadGroup(System.Data.Common.DbDataReader r) =>
        new(r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), Int(r, 4));

    /// <summary>
    /// Members from their month masks (distinct in the period, and member-months); people without a
    /// membership from their monthly hashes; head counts and totals from the branch and day aggregate.
    /// </summary>
    private static async Task<ReachFigures> ReachAsync(DuckDBConnection connection, Sql p, int kind, (long Members, long Borrowing, long MemberMonths) members, CancellationToken ct)
    {
        var lib = p.LibraryFilter();
        var days = $"{lib} AND kind = {kind} AND day BETWEEN {p.First} AND {p.Last} {p.BranchFilter("branch_id")}";
        var others = (await connection.QueryAsync($"""
            SELECT ({p.UnknownPeople(kind)}),
                   (SELECT coalesce(sum(n), 0) FROM branch_day WHERE {days} AND match = 3),
                   (SELECT coalesce(sum(n), 0) FROM branch_day WHERE {days}),
                   (SELECT count(DISTINCT date_trunc('month', day)) FROM branch_day WHERE {days})
            """, r => (Int(r, 0), Int(r, 1), Int(r, 2), Int(r, 3)), ct))[0];
        var withData = Math.Max(others.Item4, 1);
        return new ReachFigures(members.Members, members.Borrowing, (double)members.MemberMonths / withData, (double)others.Item1 / withData, others.Item2, others.Item3);
    }

    private static async Task<NationalFigures> NationalAsync(DuckDBConnection connection, Sql p, long activeBorrowers, CancellationToken ct)
    {
        var lib = p.LibraryFilter();
        var totals = (await connection.QueryAsync($"""
            SELECT coalesce(sum(n) FILTER (WHERE kind = 1), 0), coalesce(sum(n) FILTER (WHERE kind = 2), 0),
                   coalesce(sum(n) FILTER (WHERE kind = 1 AND match <> 1), 0), coalesce(sum(n) FILTER (WHERE kind = 7), 0)
            FROM branch_day WHERE {lib} AND day BETWEEN {p.First} AND {p.Last} {p.BranchFilter("branch_id")}
            """, r => (Int(r, 0), Int(r, 1), Int(r, 2), Int(r, 3)), ct))[0];
        var byAge = (await connection.QueryAsync(p.LoansByAge(), r => (Int(r, 0), Int(r, 1), Int(r, 2)), ct))[0];
        var events = await connection.QueryAsync($"""
            WITH a AS (
                SELECT n.library_id, c.text AS event_id, sum(n.n) AS n
                FROM event_count n JOIN code c ON c.code = n.event
                WHERE {lib.Replace("library_id", "n.library_id", StringComparison.Ordinal)}
                GROUP BY ALL)
            SELECT e.category, e.audience, count(*), coalesce(sum(a.n), 0)
            FROM event e LEFT JOIN a ON a.library_id = e.library_id AND a.event_id = e.event_id
            WHERE {lib.Replace("library_id", "e.library_id", StringComparison.Ordinal)} AND e.day BETWEEN {p.First} AND {p.Last} {p.BranchFilter("e.branch_id")}
            GROUP BY ALL ORDER BY 1, 2
            """, r => new EventTypeFigures(r.GetString(0), (Audience)r.GetByte(1), r.GetInt64(2), Int(r, 3)), ct);
        var visits = await connection.ScalarAsync<long>(
            $"SELECT coalesce(sum(count), 0) FROM visit WHERE {lib} AND day BETWEEN {p.First} AND {p.Last} {p.BranchFilter("branch_id")}", ct);
        return new NationalFigures(activeBorrowers, totals.Item1, totals.Item2, byAge.Item1, byAge.Item2, byAge.Item3 + totals.Item3,
            events, totals.Item4, visits);
    }

    /// <summary>A sum as a long: DuckDB sums integers as 128-bit numbers, and a sum of no rows is null.</summary>
    private static long Int(System.Data.Common.DbDataReader r, int i) => r.GetValue(i) switch
    {
        DBNull => 0, // a sum over no rows
        System.Numerics.BigInteger big => (long)big,
        var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The SQL pieces of one scope and period. Activity by month comes from the members' yearly
    /// month masks, laid into a window of the 36 months ending with the period's last month (bit 0
    /// is the window's first month, bit 35 the period's last): long enough for the period, the one
    /// before it, and retention cohorts 24 months back; whether a member borrowed, came to events,
    /// used the wifi or borrowed digitally in a period is a mask test. Only the number of loans
    /// needs counts: of a calendar year from the yearly aggregate, of other periods from the monthly one.
    /// </summary>
    private sealed class Sql(InsightScope scope, InsightPeriod period)
    {
        public const int LastBit = 35;
        private const long WindowBits = (1L << (LastBit + 1)) - 1;

        private readonly InsightPeriod _previous = period.Previous();
        private readonly int _windowStart = Index(period.Last) - LastBit;

        public string First => Date(period.First);
        public string Last => Date(period.Last);

        public DateOnly LastDay => period.Last;

        /// <summary>The window's bits of the period's months.</summary>
        public long PeriodBits => Bits(period);

        private long PreviousBits => Bits(_previous);

        private bool IsCalendarYear => period.First.Month == 1 && period.Months == 12;

        public DateOnly MonthOf(int bit) => new DateOnly(_windowStart / 12, (_windowStart % 12) + 1, 1).AddMonths(bit);

        public string LibraryFilter() => scope.LibraryId is { } id ? $"library_id = {id}" : "true";

        public string BranchFilter(string column) => scope.BranchId is { } b ? $"AND {column} = {b}" : "";

        public string FactBranchFilter() => scope.BranchId is { } b ? $"AND {StatisticsSchema.BranchOf("fact_row")} = {b}" : "";

        private static int Index(DateOnly day) => (day.Year * 12) + day.Month - 1;

        /// <summary>
        /// People without a membership in the period, counted once a month (a visitor number is one
        /// keyed hash of one month): from the monthly aggregate, or for one branch from the facts.
        /// </summary>
        public string UnknownPeople(int kind) => scope.BranchId is { } branch
            ? $"SELECT count(DISTINCT who) FROM fact_row WHERE {LibraryFilter()} AND day BETWEEN {First} AND {Last} AND flags & 255 = {kind} AND (flags >> 8) & 15 = 2 AND {StatisticsSchema.BranchOf("fact_row")} = {branch}"
            : $"SELECT count(*) FROM visitor_month WHERE {LibraryFilter()} AND kind = {kind} AND month BETWEEN {First} AND {Last}";

        private long Bits(InsightPeriod p) => WindowBits & ~((1L << (Index(p.First) - _windowStart)) - 1) & ((1L << (Index(p.Last) - _windowStart + 1)) - 1);

        /// <summary>A yearly month mask column moved into the window (bit m−1 of year y is month y·12+m−1).</summary>
        private string Shifted(string column) =>
            $"(CASE WHEN year * 12 >= {_windowStart} THEN {column}::BIGINT << (year * 12 - {_windowStart}) ELSE {column}::BIGINT >> ({_windowStart} - year * 12) END)";

        private string Years => $"year BETWEEN {_windowStart / 12} AND {period.Last.Year}";

        /// <summary>Age in whole years on <paramref name="day"/> (a month's last day) of someone born in the month numbered <paramref name="bornMonth"/>.</summary>
        public static string Age(string bornMonth, DateOnly day) => $"(({Index(day)} - {bornMonth}) // 12)";

        /// <summary>The age band (DESIGN.md §6) on <paramref name="day"/>, as <see cref="AgeBand"/>'s number.</summary>
        public static string Band(string bornMonth, DateOnly day) => BandOf(Age(bornMonth, day));

        private static string BandOf(string age)
        {
            return $"(CASE WHEN {age} <= 5 THEN 1 WHEN {age} <= 12 THEN 2 WHEN {age} <= 15 THEN 3 WHEN {age} <= 19 THEN 4 " +
                   $"WHEN {age} <= 29 THEN 5 WHEN {age} <= 44 THEN 6 WHEN {age} <= 66 THEN 7 ELSE 8 END)";
        }

        private static string Groups(InsightScope s, string type, string band)
        {
            var groups = new StringBuilder();
            if (s.BranchId is { } branch)
            {
                groups.Append(CultureInfo.InvariantCulture, $" AND branch_id = {branch}");
            }

            if (s.MembershipTypeId is { } t)
            {
                groups.Append(CultureInfo.InvariantCulture, $" AND {type} = {t}");
            }

            if (s.AgeBand is { } b)
            {
                groups.Append(CultureInfo.InvariantCulture, $" AND {band} = {(int)b}");
            }

            return groups.ToString();
        }

        /// <summary>
        /// The memberships in scope valid on some day of the period or the one before, one row each:
        /// groups, counts in the period, month masks in the window, and the flags every figure needs.
        /// </summary>
        public string MemberRows(InsightScope s)
        {
            var lib = s.LibraryId is { } id ? $"library_id = {id}" : "true";
            var counts = IsCalendarYear
                ? $"""
                  , sum(loans) FILTER (WHERE year = {period.Last.Year}) AS loans
                  """
                : "";
            var monthly = IsCalendarYear ? "" : $"""
                , a AS (
                    SELECT member, sum(n) AS loans
                    FROM member_month WHERE {lib} AND kind = 1 AND month BETWEEN {First} AND {Last}
                    GROUP BY member)
                """;
            var c = IsCalendarYear ? "y" : "a";
            return $"""
                WITH r AS (
                    SELECT member, library_id, branch_id, membership_type_id AS type_id, from_month, until_month, ended_month,
                           {Band("born_month", period.Last)} AS band, {Band("born_month", _previous.Last)} AS band_prev
                    FROM roster WHERE {lib}),
                s AS (SELECT * FROM r WHERE from_month <= {Index(period.Last)} AND until_month >= {Index(_previous.First)} {Groups(s, "type_id", "band")}),
                y AS (
                    SELECT member,
                           bit_or({Shifted("used")}) & {WindowBits} AS used, bit_or({Shifted("borrowed")}) & {WindowBits} AS borrowed,
                           bit_or({Shifted("evented")}) & {WindowBits} AS evented, bit_or({Shifted("wifi_months")}) & {WindowBits} AS wifi_months,
                           bit_or({Shifted("digital_months")}) & {WindowBits} AS digital_months
                           {counts}
                    FROM member_year WHERE {lib} AND {Years}
                    GROUP BY member)
                {monthly}
                SELECT s.library_id, s.branch_id, s.type_id, s.band, s.band_prev,
                       s.from_month <= {Index(period.Last)} AND s.until_month >= {Index(period.First)} AS registered,
                       s.from_month <= {Index(_previous.Last)} AND s.until_month >= {Index(_previous.First)} AS registered_prev,
                       coalesce(s.ended_month BETWEEN {Index(period.First)} AND {Index(period.Last)}, false) AS lapsed,
                       coalesce({c}.loans, 0) AS loans,
                       coalesce(y.borrowed, 0) & {PeriodBits} <> 0 AS borrowing,
                       (coalesce(y.borrowed, 0) & {PeriodBits} <> 0)::INT + 2 * (coalesce(y.evented, 0) & {PeriodBits} <> 0)::INT
                           + 4 * (coalesce(y.wifi_months, 0) & {PeriodBits} <> 0)::INT + 8 * (coalesce(y.digital_months, 0) & {PeriodBits} <> 0)::INT AS channels,
                       coalesce(y.used, 0) AS used, coalesce(y.borrowed, 0) AS borrowed, coalesce(y.evented, 0) AS evented, coalesce(y.wifi_months, 0) AS wifi_months,
                       {RegisteredBits("s.from_month", "s.until_month")} AS reg,
                       coalesce(y.used, 0) & {PeriodBits} <> 0 AS active,
                       coalesce(y.used, 0) & {PreviousBits} <> 0 AS active_prev,
                       coalesce(y.borrowed, 0) & {PreviousBits} <> 0 AS borrowed_prev
                FROM s LEFT JOIN y USING (member) {(IsCalendarYear ? "" : "LEFT JOIN a USING (member)")}
                """;
        }

        private IEnumerable<int> MonthBits => Enumerable.Range(Index(_previous.First) - _windowStart, period.Months * 2);

        /// <summary>The months of the period and the one before, in the order of <see cref="MemberTotals"/>' columns.</summary>
        public IEnumerable<DateOnly> MonthStarts => MonthBits.Select(MonthOf);

        /// <summary>
        /// The window's bits of the months from month number <paramref name="from"/> to
        /// <paramref name="until"/>: those in which a membership was valid on some day (bits outside the window dropped).
        /// </summary>
        private string RegisteredBits(string from, string until)
        {
            var lo = $"greatest({from} - {_windowStart}, 0)";
            var hi = $"least({until}::BIGINT - {_windowStart}, {LastBit})";
            return $"(CASE WHEN {hi} < {lo} THEN 0 ELSE (((1::BIGINT << ({hi} + 1)) - 1) & ~((1::BIGINT << {lo}) - 1)) END)";
        }

        /// <summary>
        /// One row of every figure that is a single number over the members in scope, in one pass:
        /// this and the previous period's totals; each month's registered, active and borrowing
        /// members (sums of mask bits); lapsed memberships; members at events and on the wifi, the borrowers among them, and their member-months.
        /// </summary>
        public string MemberTotals()
        {
            var columns = new List<string>
            {
                "count(*) FILTER (WHERE registered)", "count(*) FILTER (WHERE registered AND active)",
                "count(*) FILTER (WHERE registered AND borrowing)", "coalesce(sum(loans) FILTER (WHERE registered), 0)",
                "count(*) FILTER (WHERE registered_prev)", "count(*) FILTER (WHERE registered_prev AND active_prev)",
                "count(*) FILTER (WHERE registered_prev AND borrowed_prev)",
            };
            columns.AddRange(MonthBits.Select(bit =>
                $"sum((reg >> {bit}) & 1), sum(((reg & used) >> {bit}) & 1), sum(((reg & borrowed) >> {bit}) & 1)"));
            columns.Add("count(*) FILTER (WHERE lapsed)");
            foreach (var months in new[] { "evented", "wifi_months" })
            {
                columns.Add($"count(*) FILTER (WHERE registered AND {months} & {PeriodBits} <> 0)");
                columns.Add($"count(*) FILTER (WHERE registered AND {months} & {PeriodBits} <> 0 AND borrowed & {PeriodBits} <> 0)");
                columns.Add($"coalesce(sum(bit_count({months} & {PeriodBits})) FILTER (WHERE registered), 0)");
            }

            return $"SELECT {string.Join(",\n       ", columns)} FROM pm";
        }

        /// <summary>
        /// The figures per group, in one pass with grouping sets: per age band and loan count (a
        /// histogram, from which each band's members, borrowers, mean and median follow exactly, and
        /// the loan intensity buckets too), per age band a period before, per membership type and in
        /// all (dropout), per home branch (and per library for the consortium) side by side, and per
        /// combination of channels.
        /// </summary>
        public string MemberGroups()
        {
            var consortium = scope.LibraryId is null;
            var library = consortium ? ", (library_id)" : "";
            var librarySet = consortium ? "WHEN GROUPING(library_id) = 0 THEN 5" : "";
            var libraryId = consortium ? "WHEN GROUPING(library_id) = 0 THEN library_id" : "";
            return $"""
                SELECT CASE WHEN GROUPING(loans) = 0 THEN 6 WHEN GROUPING(channels) = 0 THEN 8 WHEN GROUPING(band_prev) = 0 THEN 2 WHEN GROUPING(type_id) = 0 THEN 3
                            WHEN GROUPING(branch_id) = 0 THEN 4 {librarySet} ELSE 0 END AS grouping_set,
                       CASE WHEN GROUPING(loans) = 0 THEN band WHEN GROUPING(channels) = 0 THEN channels WHEN GROUPING(band_prev) = 0 THEN band_prev WHEN GROUPING(type_id) = 0 THEN type_id
                            WHEN GROUPING(branch_id) = 0 THEN coalesce(branch_id, 0) {libraryId} END::INTEGER,
                       count(*) FILTER (WHERE registered), count(*) FILTER (WHERE registered AND active),
                       count(*) FILTER (WHERE registered AND borrowing), coalesce(sum(loans) FILTER (WHERE registered), 0),
                       CASE WHEN GROUPING(loans) = 0 THEN loans END,
                       count(*) FILTER (WHERE registered_prev AND active_prev), count(*) FILTER (WHERE registered_prev AND active_prev AND NOT active)
                FROM pm
                GROUP BY GROUPING SETS ((), (band_prev), (type_id), (branch_id), (band, loans), (channels){library})
                ORDER BY 1, 2, 7
                """;
        }

        /// <summary>Every library of the consortium side by side, narrowed by the scope's groups but not by its library or branch.</summary>
        public string LibraryComparison() => $"""
            WITH pm AS ({MemberRows(scope with { LibraryId = null, BranchId = null })})
            SELECT library_id::INTEGER, count(*), count(*) FILTER (WHERE active), count(*) FILTER (WHERE borrowing), coalesce(sum(loans), 0)
            FROM pm WHERE registered GROUP BY library_id ORDER BY library_id
            """;

        /// <summary>
        /// Cohorts by month of joining, over the 24 months before the period's last month, narrowed
        /// like the members in scope; for each offset n, the members with recorded use in month n after joining.
        /// </summary>
        public string Cohorts(InsightScope s)
        {
            var lastMonth = new DateOnly(period.Last.Year, period.Last.Month, 1);
            var lib = LibraryFilter();
            var retained = string.Join(", ", CohortOffsets.Select(n =>
                $"count(*) FILTER (WHERE bit + {n} <= {LastBit} AND (coalesce(u.used, 0) >> (bit + {n})) & 1 = 1)"));
            return $"""
                WITH c AS (
                    SELECT member, from_month - {_windowStart} AS bit FROM roster
                    WHERE {lib} AND from_month >= {Index(lastMonth.AddMonths(-CohortOffsets[^1]))} AND from_month < {Index(lastMonth)}
                    {Groups(s, "membership_type_id", Band("born_month", period.Last))}),
                u AS (
                    SELECT member, bit_or({Shifted("used")}) AS used FROM member_year
                    WHERE {lib} AND {Years} AND member IN (SELECT member FROM c) GROUP BY member)
                SELECT bit, count(*), {retained}
                FROM c LEFT JOIN u USING (member)
                GROUP BY bit ORDER BY bit
                """;
        }

        /// <summary>Loans of the period to members aged 0–14 and over on its last day, and to members the roster no longer has.</summary>
        public string LoansByAge()
        {
            var lib = LibraryFilter();
            var ages = $"SELECT member, {Age("born_month", period.Last)} AS age FROM roster WHERE {lib}";
            var sums = "coalesce(sum(n) FILTER (WHERE r.age <= 14), 0), coalesce(sum(n) FILTER (WHERE r.age > 14), 0), coalesce(sum(n) FILTER (WHERE r.age IS NULL), 0)";
            if (scope.BranchId is not null)
            {
                return $"""
                  SELECT {sums}
                  FROM (SELECT who AS member, count(*) AS n FROM fact_row
                        WHERE {lib} AND flags & 255 = 1 AND (flags >> 8) & 15 = 1 AND day BETWEEN {First} AND {Last} {FactBranchFilter()} GROUP BY who) f
                  LEFT JOIN ({ages}) r USING (member)
                  """;
            }

            var loans = IsCalendarYear
                ? $"SELECT member, loans AS n FROM member_year WHERE {lib} AND year = {period.Last.Year}"
                : $"SELECT member, n FROM member_month WHERE {lib} AND kind = 1 AND month BETWEEN {First} AND {Last}";
            return $"SELECT {sums} FROM ({loans}) y LEFT JOIN ({ages}) r USING (member)";
        }

        private static string Date(DateOnly day) => $"DATE '{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
    }
}
