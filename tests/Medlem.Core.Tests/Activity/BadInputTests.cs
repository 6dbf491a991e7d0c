using Medlem.Core.Activity;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Issue 3, "Bad input to test (each gets a clear report, nothing lost)": every rejected row is reported
// with its line (the header is line 1), the column as the file names it, the value as read and a
// reason code (ImportReasons); every other row is loaded; a file that cannot be read fails whole.
// Today is 2026-11-28 in Oslo (TestClock).
public sealed class BadInputTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task UnparseableAndFutureDates_AreReported_AndTheOtherRowsLoad()
    {
        var run = await _h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            KohaFiles.Statistic("2026-13-02 10:00:00", "issue", "48212", "20417"), // no month 13
            KohaFiles.Statistic("02.11.2026 11:00", "issue", "48213", "20417"), // Excel's Norwegian date: read
            KohaFiles.Statistic("i går", "issue", "48214", "20417"),
            KohaFiles.Statistic("2026-11-29 09:00:00", "issue", "48215", "20417"), // tomorrow
            KohaFiles.Statistic("2026-11-28 23:59:00", "issue", "48216", "20417"), // still today in Oslo
            KohaFiles.Statistic("", "issue", "48217", "20417")), ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Completed, Read: 7, Loaded: 3, Duplicate: 0, Rejected: 4), run);
        RunAssert.Report(run,
            new(3, "datetime", "2026-13-02 10:00:00", ImportReasons.Date),
            new(5, "datetime", "i går", ImportReasons.Date),
            new(6, "datetime", "2026-11-29 09:00:00", ImportReasons.Future),
            new(8, "datetime", null, ImportReasons.Required));
        var facts = await _h.FactsAsync();
        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 28)], facts.Select(f => f.Day));
        Assert.All(facts, f => Assert.Equal((FactKind.Loan, MatchKind.Member, _h["Kari"].Pseudonym), (f.Kind, f.Match, f.Member!.Value)));
    }

    [Fact]
    public async Task ShiftedColumns_AreReportedAsRowShape_WithTheFieldCounts()
    {
        var run = await _h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            // An unquoted comma in "other" shifts every later column one to the right: 13 fields for 12 names.
            KohaFiles.Statistic("2026-11-02 10:20:00", "issue", "48212", "20417", other: "purret, betalt"),
            // The value column left out: everything after it one to the left, 11 fields.
            "2026-11-02 10:25:00,solvberget,issue,,48213,BOK,VOKSEN,20417,ROMAN,V,intranet",
            KohaFiles.Statistic("2026-11-02 10:30:00", "return", "48211", "20417")), ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Completed, Read: 4, Loaded: 2, Duplicate: 0, Rejected: 2), run);
        RunAssert.Report(run,
            new(3, null, "13/12", ImportReasons.Shape),
            new(4, null, "11/12", ImportReasons.Shape));
        Assert.Equal([FactKind.Loan, FactKind.Return], (await _h.FactsAsync()).Select(f => f.Kind));
    }

    [Fact]
    public async Task FileCutOffMidRow_ReportsTheLastRow_AndLoadsTheRowsBeforeIt()
    {
        var whole = KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            KohaFiles.Statistic("2026-11-02 10:16:00", "issue", "48212", "20417"),
            KohaFiles.Statistic("2026-11-02 10:17:00", "issue", "48213", "20417"),
            KohaFiles.Statistic("2026-11-03 12:00:00", "issue", "48214", "20417"));
        var cut = whole[..(whole.LastIndexOf(",0.000000,issue", StringComparison.Ordinal) + ",0.000000,iss".Length)];
        Assert.EndsWith("\n2026-11-03 12:00:00,solvberget,0.000000,iss", cut, StringComparison.Ordinal); // the premise

        var run = await _h.ImportAsync(ImportKind.Loans, cut, ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Completed, Read: 4, Loaded: 3, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(5, null, "4/12", ImportReasons.Shape));
        Assert.Equal(3, await _h.CountAsync("SELECT count(*) FROM fact"));
    }

    [Fact]
    public async Task JsonArrayCutOffMidObject_ReportsTheLastRecord_AndLoadsTheRecordsBeforeIt()
    {
        // A Koha REST page of checkouts whose download broke off. Records of a JSON array are numbered
        // by their place in it (the first object is 1).
        var run = await _h.ImportAsync(ImportKind.Loans, """
            [
              {"checkout_id": 9101, "patron_id": 20417, "library_id": "solvberget", "renewals_count": 0, "checkout_date": "2026-11-02T10:15:00+01:00"},
              {"checkout_id": 9102, "patron_id": 20417, "library_id": "solvberget", "renewals_count": 1, "last_renewed_date": "2026-11-09T10:00:00+01:00",
               "note": "hentet, \"rask\" retur [sic] {ok}", "checkout_date": "2026-11-02T10:20:00+01:00"},
              {"checkout_id": 9103, "patron_id": 20417, "library_id": "solv
            """, ImportFormat.Koha, fileName: "checkouts.json");

        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 3, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(3, null, "not a JSON object", ImportReasons.Shape));
        Assert.Equal(
            [(FactKind.Loan, new DateOnly(2026, 11, 2)), (FactKind.Loan, new DateOnly(2026, 11, 2)), (FactKind.Renewal, new DateOnly(2026, 11, 9))],
            (await _h.FactsAsync()).Select(f => (f.Kind, f.Day)).Order());
    }

    [Fact]
    public async Task BlankLines_AreNoRows_BetweenRowsOrAtTheEnd()
    {
        // Excel and many report tools end a file with an empty line or two (here with Windows line ends).
        var csv = string.Join("\r\n",
            KohaFiles.StatisticsHeader,
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            "",
            KohaFiles.Statistic("2026-11-02 10:16:00", "issue", "48212", "20417"),
            "   ",
            KohaFiles.Statistic("2026-11-31 10:17:00", "issue", "48213", "20417"),
            "",
            "");

        var run = await _h.ImportAsync(ImportKind.Loans, csv, ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 2, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(6, "datetime", "2026-11-31 10:17:00", ImportReasons.Date)); // blank lines still count as lines
    }

    [Fact]
    public async Task HeaderNamingAColumnTwice_FailsTheFileAsUnreadable()
    {
        // A Koha report joining borrowers and items can name branchcode twice.
        var run = await _h.ImportAsync(ImportKind.Loans, """
            datetime,branch,type,itemnumber,borrowernumber,branch
            2026-11-02 10:15:00,solvberget,issue,48211,20417,madla
            """, ImportFormat.Koha);

        Assert.Equal((ImportState.Failed, 0L), (run.State, run.RowsRead));
        Assert.StartsWith(ImportReasons.Unreadable + ": ", run.Failure, StringComparison.Ordinal);
        Assert.Contains("'branch'", run.Failure, StringComparison.Ordinal);
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM fact"));
    }

    [Fact]
    public async Task MissingRequiredColumn_FailsTheWholeFile_AndStagesNothing()
    {
        var noBranch = """
            datetime,value,type,other,itemnumber,itemtype,location,borrowernumber,ccode,categorycode,interface
            2026-11-02 10:15:00,0.000000,issue,,48211,BOK,VOKSEN,20417,ROMAN,V,intranet
            """;

        var run = await _h.ImportAsync(ImportKind.Loans, noBranch, ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Failed, Read: 0, Loaded: 0, Duplicate: 0, Rejected: 0, Failure: "file.column-missing: branch"), run);
        RunAssert.Report(run);
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM fact"));
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM branch_day"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\r\n")]
    [InlineData(KohaFiles.StatisticsHeader + "\n")]
    public async Task EmptyFile_OrHeaderOnly_Fails(string content)
    {
        var run = await _h.ImportAsync(ImportKind.Loans, content, ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Failed, Read: 0, Loaded: 0, Duplicate: 0, Rejected: 0, Failure: ImportReasons.EmptyFile), run);
        RunAssert.Report(run);
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM fact"));
    }

    [Fact]
    public async Task FileOfAnotherLibrary_Fails_ListingTheUnknownBranch_AndLoadsIntoItsOwnLibrary()
    {
        var sandnes = KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417", branch: "sandnes"),
            KohaFiles.Statistic("2026-11-02 10:16:00", "issue", "48212", "20418", branch: "sandnes"),
            KohaFiles.Statistic("2026-11-02 10:17:00", "renew", "48213", "20419", branch: "sandnes"));

        var intoA = await _h.ImportAsync(ImportKind.Loans, sandnes, ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Failed, Read: 3, Loaded: 0, Duplicate: 0, Rejected: 3, Failure: ImportReasons.OtherLibrary), intoA);
        RunAssert.Report(intoA,
            new(2, "branch", "sandnes", ImportReasons.Branch),
            new(3, "branch", "sandnes", ImportReasons.Branch),
            new(4, "branch", "sandnes", ImportReasons.Branch));
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM fact"));

        // In Sandnes no borrowernumber is linked (Kari's 20417 is Stavanger's): three unmatched borrowers.
        var intoB = await _h.ImportAsync(ImportKind.Loans, sandnes, ImportFormat.Koha, library: _h.LibraryB);
        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 3, Duplicate: 0, Rejected: 0, Unmatched: 3), intoB);
        Assert.Equal(3, await _h.CountAsync($"SELECT count(*) FROM fact WHERE library_id = {_h.LibraryB} AND branch_id = {_h.Branches["sandnes"]}"));
    }

    [Fact]
    public async Task Visits_NegativeAndNonNumericCounts_AndBadHours_AreReported()
    {
        var run = await _h.ImportAsync(ImportKind.Visits, """
            branch,date,hour,count
            solvberget,2026-11-02,10,41
            solvberget,2026-11-02,11,-3
            solvberget,2026-11-02,12,tolv
            solvberget,2026-11-02,13,12.5
            madla,2026-11-02,24,5
            madla,2026-11-02,9,0
            solvberget,2026-11-29,10,4
            """);

        RunAssert.Figures(new(ImportState.Completed, Read: 7, Loaded: 2, Duplicate: 0, Rejected: 5), run);
        RunAssert.Report(run,
            new(3, "count", "-3", ImportReasons.Negative),
            new(4, "count", "tolv", ImportReasons.Number),
            new(5, "count", "12.5", ImportReasons.Number),
            new(6, "hour", "24", ImportReasons.Hour),
            new(8, "date", "2026-11-29", ImportReasons.Future));
        var visits = await _h.QueryAsync(
            "SELECT branch_id, day, hour, count FROM visit ORDER BY branch_id, hour",
            r => (r.GetInt16(0), DateOnly.FromDateTime(r.GetDateTime(1)), r.GetByte(2), r.GetInt32(3)));
        Assert.Equal(
            new[] { (_h.Branches["solvberget"], new DateOnly(2026, 11, 2), (byte)10, 41), (_h.Branches["madla"], new DateOnly(2026, 11, 2), (byte)9, 0) }
                .OrderBy(v => v.Item1).ThenBy(v => v.Item3),
            visits);
    }
}
