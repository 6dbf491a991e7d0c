using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Data;
using Medlem.Core.Demo;
using Medlem.Core.Members;
using Medlem.Statistics;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;

namespace Medlem.Cli;

/// <summary>
/// <c>medlem bench import --rows N --members M</c>: a register of M members in one library (the
/// demo's Stavanger with its branches), their Koha borrowers export imported to link
/// borrowernumbers, then a Koha statistics export of N rows generated and imported end to end;
/// and, on the same file, the bare limit: Sep parsing it and a DuckDB appender writing the same
/// columns, with nothing else. Prints rows/s, peak memory and the ratio.
/// </summary>
internal static class BenchImport
{
    private static readonly string[] ItemTypes = ["BOK", "BOK", "BOK", "BARNBOK", "BARNBOK", "TEGNESERIE", "LYDBOK", "FILM", "SPILL", "TIDSSKRIFT"];
    private static readonly string[] Collections = ["VOKSEN", "BARN", "UNGDOM", "FAG", "SKJONN", "NORSK"];

    public static async Task<int> RunAsync(long rows, int members, int seed, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"medlem-bench-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var database = new DatabaseOptionsForBench(folder);
            await using var provider = database.Services();
            var today = new DateOnly(2026, 11, 28);
            var library = await BenchRegister.CreateAsync(provider, members, seed, today, ct);
            var i = CultureInfo.InvariantCulture;

            var borrowers = Path.Combine(folder, "borrowers.csv");
            await BenchRegister.WriteBorrowersAsync(provider, library.Id, borrowers, ct);
            var patrons = await ImportAsync(provider, library.Id, ImportKind.Patrons, borrowers, ct);
            Console.WriteLine(string.Create(i, $"patrons: {patrons.Run.RowsRead:N0} borrowers linked in {patrons.Elapsed.TotalSeconds:F1} s"));

            var statistics = Path.Combine(folder, "statistics.csv");
            var generated = Stopwatch.StartNew();
            WriteStatistics(statistics, rows, members, library.BranchCodes, today, seed);
            var size = new FileInfo(statistics).Length;
            Console.WriteLine(string.Create(i, $"generated {rows:N0} Koha statistics rows ({size / 1048576.0:N0} MiB) in {generated.Elapsed.TotalSeconds:F1} s"));
            SettleInputs(folder);

            // The import runs as `medlem import` in a process of its own, as an operator runs it,
            // so its peak memory is its own and not the benchmark's register generation.
            var import = await ChildProcess.ImportAsync(folder, statistics, ct);
            foreach (var line in import.Output)
            {
                Console.WriteLine($"  | {line}");
            }

            Console.WriteLine(string.Create(i,
                $"import end to end (medlem import, process start to exit): {rows:N0} rows in {import.Elapsed.TotalSeconds:F2} s = {rows / import.Elapsed.TotalSeconds:N0} rows/s; peak memory {import.PeakBytes / 1048576.0:N0} MiB"));

            var sepOnly = SepOnly(statistics);
            var bare = await BareAsync(statistics, Path.Combine(folder, "bare.duckdb"), ct);
            Console.WriteLine(string.Create(i, $"bare: Sep parse only {rows / sepOnly.TotalSeconds:N0} rows/s ({sepOnly.TotalSeconds:F2} s)"));
            Console.WriteLine(string.Create(i, $"bare: Sep parse + DuckDB appender {rows / bare.TotalSeconds:N0} rows/s ({bare.TotalSeconds:F2} s)"));
            Console.WriteLine(string.Create(i, $"ratio end to end / bare: {import.Elapsed.TotalSeconds / bare.TotalSeconds:F2}"));
            if (import.ExitCode != 0)
            {
                Console.Error.WriteLine($"medlem import exited with {import.ExitCode}");
                return 1;
            }
            Console.WriteLine(string.Create(i, $"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, .NET {Environment.Version}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Writes the generated register and export to disk before the import is timed: an operator's
    /// export was written long before it is imported, and the kernel writing back 670 MiB of the
    /// generator's pages would take CPU from the import while it is timed. With
    /// <c>MEDLEM_BENCH_KEEP=&lt;folder&gt;</c> they are also copied there, so one import can be timed
    /// again and again on the same inputs (docs/benchmarks.md).
    /// </summary>
    private static void SettleInputs(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var keep = Environment.GetEnvironmentVariable("MEDLEM_BENCH_KEEP") is { Length: > 0 } k ? k : null;
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                stream.Flush(flushToDisk: true);
            }

            if (keep is not null)
            {
                var copy = Path.Combine(keep, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy, overwrite: true);
            }
        }

        if (keep is not null)
        {
            Console.WriteLine($"inputs kept in {keep}");
        }
    }

    private static async Task<(ImportRun Run, TimeSpan Elapsed)> ImportAsync(ServiceProvider provider, int libraryId, ImportKind kind, string file, CancellationToken ct)
    {
        await using var scope = provider.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ActivityImporter>();
        var clock = Stopwatch.StartNew();
        var run = await importer.ImportAsync(new ImportRequest
        {
            LibraryId = libraryId,
            Kind = kind,
            Format = ImportFormat.Koha,
            Content = File.OpenRead(file),
            FileName = Path.GetFileName(file),
            Channel = ImportChannels.Cli,
            RunBy = "bench",
        }, progress: null, ct);
        return (run, clock.Elapsed);
    }

    /// <summary>Koha's statistics columns; a year of issues, renewals and returns in opening hours; 1 % by borrowers Medlem does not know.</summary>
    private static void WriteStatistics(string path, long rows, int members, IReadOnlyList<string> branches, DateOnly today, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("datetime,branch,type,other,itemnumber,itemtype,location,borrowernumber,ccode,categorycode\n");
        var start = today.AddDays(-364).ToDateTime(TimeOnly.MinValue);
        Span<char> line = stackalloc char[160];
        for (long r = 0; r < rows; r++)
        {
            var time = start.AddDays(random.Next(365)).AddHours(10 + random.Next(9)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));
            var roll = random.Next(100);
            var type = roll < 60 ? "issue" : roll < 85 ? "renew" : "return";
            var borrower = random.Next(100) == 0 ? members + 1 + random.Next(members) : 1 + random.Next(members);
            var ok = line.TryWrite(CultureInfo.InvariantCulture,
                $"{time:yyyy-MM-dd HH:mm:ss},{branches[random.Next(branches.Count)]},{type},,{random.Next(1, 2_000_000)},{ItemTypes[random.Next(ItemTypes.Length)]},HYLLE,{borrower},{Collections[random.Next(Collections.Length)]},V\n",
                out var written);
            Debug.Assert(ok);
            writer.Write(line[..written]);
        }
    }

    private static TimeSpan SepOnly(string path)
    {
        var clock = Stopwatch.StartNew();
        long sum = 0;
        using (var reader = Sep.Reader().FromFile(path))
        {
            foreach (var row in reader)
            {
                sum += row[0].Span.Length + row[1].Span.Length + row[2].Span.Length + row[4].Span.Length + row[5].Span.Length + row[7].Span.Length + row[8].Span.Length;
            }
        }

        GC.KeepAlive(sum);
        return clock.Elapsed;
    }

    /// <summary>The floor: parse each row's columns to values and append them, one thread, no validation, matching or keys.</summary>
    private static async Task<TimeSpan> BareAsync(string path, string duckFile, CancellationToken ct)
    {
        await using var connection = new DuckDBConnection($"Data Source={duckFile}");
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync(
            "CREATE TABLE bare (time TIMESTAMP, branch VARCHAR, type VARCHAR, itemnumber BIGINT, itemtype VARCHAR, ccode VARCHAR, borrowernumber BIGINT)", ct);
        var clock = Stopwatch.StartNew();
        using (var appender = connection.CreateAppender("bare"))
        using (var reader = Sep.Reader().FromFile(path))
        {
            foreach (var row in reader)
            {
                appender.CreateRow()
                    .AppendValue(DateTime.ParseExact(row[0].Span, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                    .AppendValue(row[1].ToString())
                    .AppendValue(row[2].ToString())
                    .AppendValue(long.Parse(row[4].Span, CultureInfo.InvariantCulture))
                    .AppendValue(row[5].ToString())
                    .AppendValue(row[8].ToString())
                    .AppendValue(long.Parse(row[7].Span, CultureInfo.InvariantCulture))
                    .EndRow();
            }
        }

        return clock.Elapsed;
    }
}

/// <summary>Runs <c>medlem import</c> on the benchmark's databases and watches its peak resident memory (Linux VmHWM).</summary>
internal static class ChildProcess
{
    public sealed record Result(TimeSpan Elapsed, long PeakBytes, int ExitCode, IReadOnlyList<string> Output);

    public static async Task<Result> ImportAsync(string folder, string file, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in (string[])["import", "loans", file, "--library", "stavanger", "--format", "koha", "--timings",
            "--connection", $"Data Source={Path.Combine(folder, "medlem.db")}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Medlem__Database__StatisticsPath"] = Path.Combine(folder, "statistics.duckdb");
        start.Environment["TERM"] = "dumb";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadPeak(process.Id));
            await Task.Delay(20, ct);
        }

        await process.WaitForExitAsync(ct);
        var elapsed = clock.Elapsed;
        var lines = ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Result(elapsed, peak, process.ExitCode, lines);
    }

    private static long ReadPeak(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // the process ended between the check and the read
        }
    }
}
