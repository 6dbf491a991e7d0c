using System.Diagnostics;
using System.Globalization;
using System.Text;
using Medlem.Core.Activity;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Issue 3, bad input: "a 2 GB file (streamed, never loaded whole)". The file is made as it is read
// (GeneratedCsvStream), so neither the disk nor the test holds it; the process's peak working set shows the
// importer did not either. To stay within the test run's time on two cores, a row is about 2 KiB: Koha's free-text
// "other" column carries 2,000 characters, as a note can. So 2 GiB is about a million rows, not thirty
// million; the row rate is the benchmark's business (medlem bench import), the streaming is this test's.
// The working set is the whole test process's: the test runs alone (its own collection, without parallel
// neighbours), and counts what the process grew by during the import, from a compacted baseline.
[CollectionDefinition(nameof(LargeFileTests), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(LargeFileTests))]
public sealed class LargeFileTests : IAsyncLifetime
{
    private const long TwoGiB = 2L * 1024 * 1024 * 1024;

    /// <summary>1 GiB: the memory target for a ten-million-row import, half the file's size.</summary>
    private const long MemoryLimit = 1L * 1024 * 1024 * 1024;

    private static readonly string Note = string.Concat(Enumerable.Repeat("merknad ", 250));

    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Row n, every field of fixed width so every row has the same length: an issue every 30 seconds from
    /// 2025-12-01 (the last row, about the 1,027,500th, is on 2026-11-22), item 10000000 + n, Kari's (20417)
    /// when n is even, else an unknown borrower's (90417).
    /// </summary>
    private static string Row(long n) => KohaFiles.Statistic(
        new DateTime(2025, 12, 1, 0, 0, 0).AddSeconds(30 * n).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        "issue", (10_000_000 + n).ToString(CultureInfo.InvariantCulture), n % 2 == 0 ? "20417" : "90417", other: Note);

    [Fact]
    public async Task TwoGiBFile_IsStreamed_LoadsEveryRow_AndThePeakWorkingSetStaysFarBelowTheFileSize()
    {
        var header = Encoding.UTF8.GetByteCount(KohaFiles.StatisticsHeader + "\n");
        var rowBytes = Encoding.UTF8.GetByteCount(Row(1) + "\n");
        Assert.Equal(rowBytes, Encoding.UTF8.GetByteCount(Row(1_000_000) + "\n")); // fixed width, so:
        var rows = (TwoGiB - header + rowBytes - 1) / rowBytes; // the rows it takes to reach 2 GiB
        var file = new GeneratedCsvStream(KohaFiles.StatisticsHeader, Row, bytes: TwoGiB);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        var baseline = self.WorkingSet64;
        var started = Stopwatch.GetTimestamp();

        // The process's working set, sampled every 20 ms while the import runs (the process's lifetime peak
        // would also count what other tests in this process did before).
        var importing = true;
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            long peak = 0;
            while (Volatile.Read(ref importing))
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(20);
            }

            return peak;
        });
        var run = await _h.ImportAsync(ImportKind.Loans, file, ImportFormat.Koha, fileName: "statistics-2gb.csv");
        Volatile.Write(ref importing, false);
        var peak = await sampler;

        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant(
            $"2 GiB import: {rows:N0} rows of {rowBytes} bytes in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; working set at most {peak / 1024 / 1024} MiB, {(peak - baseline) / 1024 / 1024} MiB above the {baseline / 1024 / 1024} MiB before"));
        RunAssert.Figures(new(ImportState.Completed, Read: rows, Loaded: rows, Duplicate: 0, Rejected: 0, Unmatched: (rows + 1) / 2), run);
        Assert.Equal(header + (rows * rowBytes), run.Bytes);
        Assert.True(run.Bytes >= TwoGiB);
        Assert.Equal(rows, await _h.CountAsync("SELECT count(*) FROM fact"));
        Assert.True(peak - baseline < MemoryLimit, $"working set grew by {(peak - baseline) / 1024 / 1024} MiB");
    }
}
