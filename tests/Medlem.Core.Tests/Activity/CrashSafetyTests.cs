using System.Globalization;
using DuckDB.NET.Data;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Tests.TestSupport;
using Medlem.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Issue 3: imports are "atomic per batch (a process killed mid-import leaves no partial batch visible;
// rerunning completes it)". ActivityImporter: an import the register still shows as running when the next
// import starts is finished from the store's import_batch when its commit happened, else marked
// "import.interrupted". A stop is simulated in-process: the import's token cancelled, or its progress
// callback throwing, after 65,536 rows (the first progress report); a crash after the store's commit by
// making the register's next write fail.
public sealed class CrashSafetyTests : IAsyncLifetime
{
    /// <summary>Rows of the large file: past two progress reports (every 65,536 rows), so a cancel is seen mid-file.</summary>
    private const int Rows = 140_000;

    /// <summary>Everything an import writes to the store, counted over every table.</summary>
    private const string EverythingWritten = """
        SELECT (SELECT count(*) FROM fact_row) + (SELECT count(*) FROM member) + (SELECT count(*) FROM visitor) + (SELECT count(*) FROM code)
             + (SELECT count(*) FROM member_month) + (SELECT count(*) FROM branch_day) + (SELECT count(*) FROM import_batch)
        """;

    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Koha statistics rows 1..140,000 (KohaFiles.NumberedIssue: half Kari's, half an unknown borrower's), made as read.</summary>
    private static GeneratedCsvStream LargeFile() => new(KohaFiles.StatisticsHeader, n => KohaFiles.NumberedIssue((int)n), rows: Rows);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImportStoppedMidway_ShowsNothingMeanwhile_LeavesNothing_IsMarkedInterrupted_AndARerunLoadsItAll(bool throwFromProgress)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var seenMeanwhile = new List<long>();
        var progress = new SynchronousProgress(p =>
        {
            seenMeanwhile.Add(_h.CountFromOutside(EverythingWritten));
            if (throwFromProgress)
            {
                // Not an IOException: the importer takes those for a stream that broke off and fails the run itself.
                throw new SimulatedCrashException();
            }

            cancel.Cancel();
        });

        var stopped = throwFromProgress
            ? await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.ImportAsync(ImportKind.Loans, LargeFile(), ImportFormat.Koha, progress: progress, cancel: cancel.Token))
            : (Exception)await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.ImportAsync(ImportKind.Loans, LargeFile(), ImportFormat.Koha, progress: progress, cancel: cancel.Token));

        // At 65,536 rows four chunks had been appended inside the import's transaction: nobody else saw any of it.
        Assert.Equal([0L], seenMeanwhile);
        Assert.Equal(0, await _h.CountAsync(EverythingWritten));
        // A cancelled import records itself as interrupted at once; a crash leaves it running for the next import to find.
        var interrupted = Assert.Single(await _h.RunsAsync());
        Assert.Equal(throwFromProgress ? ImportState.Running : ImportState.Failed, interrupted.State);

        var next = await _h.ImportAsync(ImportKind.Visits, "branch,date,hour,count\nsolvberget,2026-11-02,10,41\n");
        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0), next);
        var recovered = await _h.RunAsync(interrupted.Id);
        Assert.Equal((ImportState.Failed, "import.interrupted", (DateTimeOffset?)TestClock.Now), (recovered.State, recovered.Failure, recovered.FinishedAt));

        var rerun = await _h.ImportAsync(ImportKind.Loans, LargeFile(), ImportFormat.Koha);
        RunAssert.Figures(new(ImportState.Completed, Read: Rows, Loaded: Rows, Duplicate: 0, Rejected: 0, Unmatched: Rows / 2), rerun);
        Assert.Equal(Rows, await _h.CountAsync("SELECT count(*) FROM fact"));
        Assert.Equal(Rows / 2, await _h.CountAsync("SELECT sum(n)::BIGINT FROM member_month"));
        GC.KeepAlive(stopped);
    }

    [Fact]
    public async Task StoreFailingMidImport_FailsTheImportWithItsError_InsteadOfHangingIt()
    {
        // After the first progress report the store is left 1 MB of memory and no disk to spill to: DuckDB's
        // appender fails when it next flushes (every 204,800 rows), while the parser still has rows to hand over.
        const int Many = 400_000;
        static GeneratedCsvStream File() => new(KohaFiles.StatisticsHeader, n => KohaFiles.Statistic(
            new DateTime(2026, 10, 1, 8, 0, 0).AddSeconds(2 * n).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            "issue", n.ToString(CultureInfo.InvariantCulture), "20417"), rows: Many);
        var starved = false;
        var progress = new SynchronousProgress(_ =>
        {
            if (!starved)
            {
                starved = true;
                _h.ExecuteOutside("SET memory_limit = '1MB'; SET temp_directory = '';");
            }
        });

        var import = _h.ImportAsync(ImportKind.Loans, File(), ImportFormat.Koha, progress: progress);
        var failure = await Record.ExceptionAsync(() => import.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));

        failure = Assert.IsAssignableFrom<System.Data.Common.DbException>(failure); // the store's error, not a TimeoutException: the import did not hang
        // DuckDB's own error, not a later one ("could not allocate …" or "failed to allocate …", by where it ran out).
        Assert.Contains("allocate", failure.Message, StringComparison.Ordinal);
        _h.ExecuteOutside($"SET memory_limit = '{Medlem.Statistics.StatisticsStore.MemoryLimit}'; RESET temp_directory;");
        Assert.Equal(0, await _h.CountAsync(EverythingWritten));

        var rerun = await _h.ImportAsync(ImportKind.Loans, File(), ImportFormat.Koha);
        RunAssert.Figures(new(ImportState.Completed, Read: Many, Loaded: Many, Duplicate: 0, Rejected: 0), rerun);
        Assert.Equal(ImportState.Failed, (await _h.RunsAsync())[0].State); // the failed one, marked interrupted by the rerun
    }

    [Fact]
    public async Task CrashAfterTheStoreCommitted_IsFinishedFromImportBatch_AndTheMonthsVisitorKeySurvives()
    {
        const string Header = "session_id,started_at,ended_at,branch,login_method,card_number,device_id";
        var crash = new CrashOnSaveAfterCommit(_h);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => _h.ImportAsync(ImportKind.Wifi, $"""
            {Header}
            w1,2026-11-02 09:00:00,2026-11-02 10:30:00,solvberget,membership,2100000017,a4:5e:60:d1:22:01
            w2,2026-11-02 11:00:00,2026-11-02 11:20:00,solvberget,voucher,,a4:5e:60:d1:22:02
            """, context: _h.NewContext(crash)));
        Assert.True(crash.Crashed);
        var crashed = Assert.Single(await _h.RunsAsync());
        Assert.Equal(ImportState.Running, crashed.State);
        Assert.Equal(2, await _h.CountAsync("SELECT count(*) FROM fact"));

        // The same device later in November, in the next import.
        var next = await _h.ImportAsync(ImportKind.Wifi, $"""
            {Header}
            w8,2026-11-21 14:00:00,2026-11-21 14:30:00,madla,voucher,,a4:5e:60:d1:22:02
            """);

        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0, Unmatched: 1), next);
        var finished = await _h.RunAsync(crashed.Id);
        Assert.Equal((ImportState.Completed, 2L, 0L, (DateTimeOffset?)TestClock.Now), (finished.State, finished.RowsLoaded, finished.RowsDuplicate, finished.FinishedAt));
        Assert.Equal(1, await _h.CountAsync("SELECT count(DISTINCT visitor) FROM fact WHERE visitor IS NOT NULL"));
    }

    [Fact]
    public async Task CrashBeforeTheRegistersActivitySummary_IsFinishedByTheNextImport_SummaryIncluded()
    {
        var loans = KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            KohaFiles.Statistic("2026-11-10 12:00:00", "issue", "48212", "20417"));
        Execute("CREATE TRIGGER simulated_crash BEFORE UPDATE ON Memberships BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;");

        await Assert.ThrowsAsync<SqliteException>(() => _h.ImportAsync(ImportKind.Loans, loans, ImportFormat.Koha));
        Execute("DROP TRIGGER simulated_crash;");
        var crashed = Assert.Single(await _h.RunsAsync());
        Assert.Equal(ImportState.Running, crashed.State);
        Assert.Equal(2, await _h.CountAsync("SELECT count(*) FROM fact"));
        Assert.Equal((0, (DateOnly?)null), await SummaryAsync("Kari"));

        var next = await _h.ImportAsync(ImportKind.Visits, "branch,date,hour,count\nmadla,2026-11-02,10,12\n");

        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0), next);
        var finished = await _h.RunAsync(crashed.Id);
        Assert.Equal((ImportState.Completed, 2L, 0L), (finished.State, finished.RowsLoaded, finished.RowsDuplicate));
        Assert.Equal((2, (DateOnly?)new DateOnly(2026, 11, 10)), await SummaryAsync("Kari"));

        var rerun = await _h.ImportAsync(ImportKind.Loans, loans, ImportFormat.Koha);
        RunAssert.Figures(new(ImportState.Completed, Read: 2, Loaded: 0, Duplicate: 2, Rejected: 0), rerun);
        Assert.Equal(2, await _h.CountAsync("SELECT count(*) FROM fact"));
    }

    /// <summary>
    /// Members read before an import (MemberPreload, as the command line does) are dropped when the import
    /// first finishes an interrupted one: that wrote the summaries they were read with.
    /// </summary>
    [Fact]
    public async Task MembersReadBeforeAnImportThatFinishesAnInterruptedOne_AreReadAgain()
    {
        using var h = await ImportHarness.CreateAsync(registerOnFile: true);
        Execute("CREATE TRIGGER simulated_crash BEFORE UPDATE ON Memberships BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;", h);
        await Assert.ThrowsAsync<SqliteException>(() => h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            KohaFiles.Statistic("2026-11-10 12:00:00", "issue", "48212", "20417")), ImportFormat.Koha));
        Execute("DROP TRIGGER simulated_crash;", h);
        await using var members = h.PreloadMembers("stavanger", ImportFormat.Koha);
        var before = await members.TakeAsync(h.LibraryA);
        Assert.Equal((0, (DateOnly?)null), before!.Memberships.Where(m => m.Id == h["Kari"].MembershipId).Select(m => (m.LoansLast12Months, m.LastUsedOn)).Single());

        var next = await h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(KohaFiles.Statistic("2026-11-12 09:00:00", "issue", "48213", "20417")), ImportFormat.Koha, members: members);

        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0), next);
        Assert.Null(await members.TakeAsync(h.LibraryA));
        var kari = await h.MembershipAsync("Kari");
        Assert.Equal((3, (DateOnly?)new DateOnly(2026, 11, 12)), (kari.LoansLast12Months, kari.LastUsedOn));
    }

    [Fact]
    public async Task StoreFailingAtItsCommit_LeavesTheRegistersSummariesAsTheyWere()
    {
        // The summaries are written to the register while the store adds its aggregates, and kept only
        // when the store commits (ActivityImporter). Here the store's record of the import already
        // exists, so recording it again breaks the commit after the summaries were written.
        var first = await _h.ImportAsync(ImportKind.Visits, "branch,date,hour,count\nmadla,2026-11-02,10,12\n"); // creates the store
        _h.ExecuteOutside($"INSERT INTO import_batch VALUES ({first.Id + 1}, {_h.LibraryA}, now()::TIMESTAMP, 0, 0)");
        var loans = KohaFiles.Statistics(KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"));

        var failure = await Record.ExceptionAsync(() => _h.ImportAsync(ImportKind.Loans, loans, ImportFormat.Koha));

        Assert.IsAssignableFrom<System.Data.Common.DbException>(failure);
        Assert.Equal(first.Id + 1, (await _h.RunsAsync()).Max(r => r.Id)); // the premise: the import the stale record names
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM fact"));
        Assert.Equal((0, (DateOnly?)null), await SummaryAsync("Kari"));
    }

    private async Task<(int Loans, DateOnly? LastUsed)> SummaryAsync(string given)
    {
        var membership = await _h.MembershipAsync(given);
        return (membership.LoansLast12Months, membership.LastUsedOn);
    }

    /// <summary>Runs a statement on the register of <paramref name="on"/> (the test's own harness when null).</summary>
    private void Execute(string sql, ImportHarness? on = null)
    {
        using var command = (on ?? _h).Database.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, where a throw could not stop the import).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private sealed class SimulatedCrashException() : Exception("simulated crash");

    /// <summary>
    /// Fails the register's first save after the statistics store has recorded the running import in
    /// import_batch: as if the process died the moment after the store's commit.
    /// </summary>
    private sealed class CrashOnSaveAfterCommit(ImportHarness h) : SaveChangesInterceptor
    {
        public bool Crashed { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var runs = eventData.Context!.ChangeTracker.Entries<ImportRun>().Select(e => e.Entity.Id).Where(id => id > 0).ToList();
            if (!Crashed && runs.Any(id => h.CountFromOutside($"SELECT count(*) FROM import_batch WHERE import_id = {id}") == 1))
            {
                Crashed = true;
                throw new SimulatedCrashException();
            }

            return ValueTask.FromResult(result);
        }
    }
}
