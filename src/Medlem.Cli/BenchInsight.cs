using System.Diagnostics;
using System.Globalization;
using Medlem.Core.Insight;
using Medlem.Statistics;
using Medlem.Statistics.Insight;

namespace Medlem.Cli;

/// <summary>
/// <c>medlem bench insight</c>: a statistics store with one library of <c>--members</c> members and
/// <c>--facts</c> facts in the measured year (half as many in the year before, for dropout and year
/// on year), three smaller libraries beside it for the comparison; then the whole dashboard of the
/// library-year (every figure, suppression, findings) against the very same SQL statements run
/// bare on a DuckDB connection, reading every row. Both are timed warm, as the median of several runs.
/// </summary>
internal static class BenchInsight
{
    private const short Library = 1;
    private const int Runs = 7;

    public static async Task<int> RunAsync(long facts, int members, int seed, string periodText, CancellationToken ct)
    {
        // MEDLEM_BENCH_STORE keeps the generated store at a path and reuses it on the next run (for trying queries).
        var kept = Environment.GetEnvironmentVariable("MEDLEM_BENCH_STORE");
        var folder = kept is null ? Directory.CreateTempSubdirectory("medlem-bench-insight-").FullName : Path.GetDirectoryName(Path.GetFullPath(kept))!;
        try
        {
            var store = new StatisticsStore(kept ?? Path.Combine(folder, "statistics.duckdb"));
            var reuse = kept is not null && File.Exists(kept);
            var clock = Stopwatch.StartNew();
            await using (var connection = await store.OpenAsync(ct))
            {
                if (!reuse)
                {
                    var rosterTime = await WriteRosterAsync(connection, members, seed, ct);
                    clock.Restart();
                    var written = await WriteFactsAsync(connection, facts, members, seed, ct);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"store: {members:N0} members (+{members / 2:N0} in three other libraries), roster copied in {rosterTime.TotalMilliseconds:F0} ms; {written:N0} facts written in {clock.Elapsed.TotalSeconds:F1} s; file {new FileInfo(store.Path).Length / 1048576.0:F0} MiB"));
                }

                if (Environment.GetEnvironmentVariable("MEDLEM_BENCH_SQL") is { } trial)
                {
                    foreach (var sql in File.ReadAllText(trial).Split(";;", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var best = Enumerable.Range(0, 3).Select(_ => TimeAsync(() => BareAsync(connection, [sql], ct)).GetAwaiter().GetResult()).Min();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{best.TotalMilliseconds,8:F1} ms  {sql.ReplaceLineEndings(" ")[..Math.Min(100, sql.ReplaceLineEndings(" ").Length)]}"));
                    }

                    return 0;
                }
            }

            var period = InsightPeriod.Parse(periodText, new DateOnly(2025, 11, 30)) ?? throw new ArgumentException($"Unknown period '{periodText}'.");
            var scope = new InsightScope(Library);
            var names = new InsightNames(
                Enumerable.Range(1, 8).ToDictionary(i => i, i => $"Filial {i}"),
                Enumerable.Range(1, 4).ToDictionary(i => i, i => $"Bibliotek {i}"),
                Enumerable.Range(1, 4).ToDictionary(i => i, i => $"Type {i}"));

            await using var db = await store.OpenAsync(ct);
            List<string> statements = [];
            var cold = await TimeAsync(async () =>
            {
                DuckDbCommands.Trace.Value = statements;
                await DashboardAsync(db, scope, period, names, ct);
                DuckDbCommands.Trace.Value = null;
            });
            var dashboard = new List<TimeSpan>();
            var bare = new List<TimeSpan>();
            for (var i = 0; i < Runs; i++)
            {
                dashboard.Add(await TimeAsync(() => DashboardAsync(db, scope, period, names, ct)));
                bare.Add(await TimeAsync(() => BareAsync(db, statements, ct)));
            }

            if (Environment.GetEnvironmentVariable("MEDLEM_BENCH_DUMP") is { } dump)
            {
                await File.WriteAllTextAsync(dump, string.Join("\n;;\n", statements), ct);
            }

            if (Environment.GetEnvironmentVariable("MEDLEM_BENCH_STATEMENTS") == "1")
            {
                foreach (var sql in statements)
                {
                    var t = await TimeAsync(() => BareAsync(db, [sql], ct));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds,8:F1} ms  {sql.ReplaceLineEndings(" ")[..Math.Min(110, sql.ReplaceLineEndings(" ").Length)]}"));
                }
            }

            var d = Median(dashboard);
            var b = Median(bare);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dashboard, one library, {period.First:yyyy-MM} to {period.Last:yyyy-MM} (all {statements.Count} statements, suppression, findings): {d.TotalMilliseconds:F0} ms (median of {Runs}; first run {cold.TotalMilliseconds:F0} ms)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"the same SQL bare on DuckDB: {b.TotalMilliseconds:F0} ms (median of {Runs}); ratio {d.TotalMilliseconds / b.TotalMilliseconds:F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, .NET {Environment.Version}"));
            return d.TotalMilliseconds < 300 && d.TotalMilliseconds < 2 * b.TotalMilliseconds ? 0 : 1;
        }
        finally
        {
            if (kept is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task DashboardAsync(DuckDB.NET.Data.DuckDBConnection db, InsightScope scope, InsightPeriod period, InsightNames names, CancellationToken ct)
    {
        var figures = await InsightQuery.RunAsync(db, scope, period, LoanBuckets.Default, ct);
        _ = InsightBuilder.Build(figures, names, "Bibliotek 1", 5, null);
    }

    private static async Task BareAsync(DuckDB.NET.Data.DuckDBConnection db, List<string> statements, CancellationToken ct)
    {
        foreach (var sql in statements)
        {
            await using var command = db.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>Memberships: ages 0–90, two thirds joined long ago, the rest over the last three years; 5 % lapsed in the year.</summary>
    private static async Task<TimeSpan> WriteRosterAsync(DuckDB.NET.Data.DuckDBConnection connection, int members, int seed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (library, count) in new[] { ((short)1, members), ((short)2, members / 4), ((short)3, members / 6), ((short)4, members / 12) })
        {
            var random = new Random(seed + library);
            var numbers = await StatisticsNumbers.LoadAsync(connection, library, ct);
            var entries = new List<RosterEntry>(count);
            for (var i = 0; i < count; i++)
            {
                var born = new DateOnly(2025 - random.Next(0, 91), random.Next(1, 13), 1);
                var from = random.Next(3) < 2 ? new DateOnly(2015, 1, 1).AddDays(random.Next(3000)) : new DateOnly(2023, 1, 1).AddDays(random.Next(1095));
                DateOnly? to = random.Next(20) == 0 ? new DateOnly(2025, 1, 1).AddDays(random.Next(365)) : null;
                entries.Add(new RosterEntry(numbers.Member(MemberGuid(library, i)), library, (short)random.Next(1, 9), (short)random.Next(1, 5), born, from, to, null));
            }

            await Roster.ReplaceAsync(connection, library, numbers, entries, TimeProvider.System.GetUtcNow().UtcDateTime, ct);
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// Facts of library 1: half of the members use the library, the busiest far more than the rest
    /// (a squared uniform draw); 55 % loans, 15 % renewals, 5 % event attendances, 20 % wifi sessions
    /// (half of them by unknown devices), 5 % digital loans; days spread over the year.
    /// </summary>
    private static async Task<long> WriteFactsAsync(DuckDB.NET.Data.DuckDBConnection connection, long facts, int members, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var written = 0L;
        var import = 1;
        foreach (var (year, count) in new[] { (2024, facts / 2), (2025, facts) })
        {
            using var staging = await FactStaging.StartAsync(connection, import++, Library, ct);
            var memberNumbers = Enumerable.Range(0, members).Select(i => staging.Numbers.Member(MemberGuid(Library, i))).ToArray();
            var events = Enumerable.Range(0, 500).Select(i => staging.Numbers.LargeCode($"E{year}-{i}")).ToArray();
            var buffer = new Fact[65_536];
            var first = new DateOnly(year, 1, 1);
            for (long done = 0; done < count;)
            {
                var n = (int)Math.Min(buffer.Length, count - done);
                for (var i = 0; i < n; i++)
                {
                    var kind = random.Next(100) switch { < 55 => FactKind.Loan, < 70 => FactKind.Renewal, < 75 => FactKind.EventAttendance, < 95 => FactKind.WifiSession, _ => FactKind.DigitalLoan };
                    var day = first.AddDays(random.Next(365));
                    var f = new Fact { Key = random.NextInt64(), LibraryId = Library, Day = day, Kind = kind, BranchId = (short)random.Next(1, 9) };
                    if (kind == FactKind.WifiSession && random.Next(2) == 0)
                    {
                        f.Match = MatchKind.Unmatched;
                        f.Visitor = staging.Numbers.Visitor(new Guid(day.Month, 0, 0, BitConverter.GetBytes(random.NextInt64(30_000))), new DateOnly(year, day.Month, 1));
                    }
                    else
                    {
                        var u = random.NextDouble();
                        f.Match = MatchKind.Member;
                        f.Member = memberNumbers[(int)(members / 2 * u * u)];
                        f.AgeBand = (AgeBand)random.Next(1, 9);
                        f.MembershipTypeId = (short)random.Next(1, 5);
                    }

                    if (kind == FactKind.EventAttendance)
                    {
                        f.EventId = events[random.Next(events.Length)];
                    }

                    buffer[i] = f;
                }

                staging.Append(buffer.AsSpan(0, n));
                done += n;
            }

            for (var i = 0; i < 500; i++)
            {
                staging.Append(new EventEntry(Library, $"E{year}-{i}", $"Arrangement {i}", i % 3 == 0 ? "Lesestund" : "Foredrag", (Audience)(1 + (i % 4)), new DateTime(year, 1 + (i % 12), 10, 18, 0, 0), (short)(1 + (i % 8))));
            }

            staging.Complete();
            var result = await FactCommit.CommitAsync(connection, staging, ct);
            written += result.Loaded;
        }

        return written;
    }

    private static Guid MemberGuid(short library, int i) => new(i, library, 0, new byte[8]);
}
