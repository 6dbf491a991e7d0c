using System.Text;
using Medlem.Core.Activity;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Issue 3: "CSV as real exports are: UTF-8 with or without BOM, or Windows-1252 (detect it; Norwegian
// letters must come through), comma, semicolon or tab separated, quoted fields with embedded newlines,
// header names in any case." Norwegian letters are checked where the store keeps text: the event
// catalogue's titles and categories, and item types and collections (the code table).
public sealed class EncodingAndDialectTests : IAsyncLifetime
{
    private const string EventsHeader = "event_id,title,category,audience,starts_at,branch,organiser";

    private static readonly Encoding Windows1252;

    private ImportHarness _h = null!;

    static EncodingAndDialectTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<List<(string Id, string Title, string Category)>> EventsAsync() =>
        _h.QueryAsync("SELECT event_id, title, category FROM event ORDER BY event_id", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    [Fact]
    public async Task Windows1252File_IsDetected_AndItsNorwegianLettersComeThrough()
    {
        var csv = $"""
            {EventsHeader}
            ev-1001,Forfattermøte på Sølvberget,Litteratur,adults,2026-11-05 18:00,solvberget,Kåre Ærlig
            ev-1002,Språkkafé for små og store,Språk,all,2026-11-12 17:00,madla,Frivilligsentralen
            """;
        var bytes = Windows1252.GetBytes(csv);
        Assert.Contains((byte)0xF8, bytes); // the premise: ø as the single byte 1252 gives it, invalid in UTF-8

        var run = await _h.ImportAsync(ImportKind.Events, bytes);

        RunAssert.Figures(new(ImportState.Completed, Read: 2, Loaded: 2, Duplicate: 0, Rejected: 0), run);
        Assert.Equal([("ev-1001", "Forfattermøte på Sølvberget", "litteratur"), ("ev-1002", "Språkkafé for små og store", "språk")], await EventsAsync());
    }

    [Fact]
    public async Task Utf8File_WithAStray1252ByteAfterTheSniffedPrefix_RejectsThatRowAsEncoding()
    {
        // 1,000 rows of UTF-8 with æøå (about 80 KiB, more than the 64 KiB the encoding is told from), then a
        // row whose ø is the single byte 0xF8 that Excel's 1252 would write.
        var text = new StringBuilder(EventsHeader + "\n");
        for (var n = 1; n <= 1000; n++)
        {
            text.Append(FormattableString.Invariant($"ev-{n:0000},Lesesirkel på Madla nr. {n},litteratur,adults,2026-10-{1 + (n % 28):00} 18:00,madla,Bibliotekarane\n"));
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.True(bytes.Length > 64 * 1024);
        bytes = [.. bytes, .. Encoding.ASCII.GetBytes("ev-9999,Forfatterm"), 0xF8, .. Encoding.ASCII.GetBytes("te,litteratur,adults,2026-11-05 18:00,solvberget,\n")];

        var run = await _h.ImportAsync(ImportKind.Events, bytes);

        RunAssert.Figures(new(ImportState.Completed, Read: 1001, Loaded: 1000, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(1002, "title", "Forfatterm\uFFFDte", ImportReasons.Encoding));
        var events = await EventsAsync();
        Assert.Equal(1000, events.Count);
        Assert.Equal(("ev-0001", "Lesesirkel på Madla nr. 1", "litteratur"), events[0]);
    }

    [Fact]
    public async Task Utf8File_WithAStray1252ByteInItsFirstRows_KeepsItsUtf8Letters_AndRejectsThatRow()
    {
        // A UTF-8 export with one row pasted from a 1252 file. Read as 1252 the whole file would load with
        // "SÃ¸lvberget" for "Sølvberget", and the bad row would load with a plausible title: both silent.
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes($"{EventsHeader}\nev-1,Konsert i Sølvberget,musikk,all,2026-11-06 19:00,solvberget,\nev-2,Forfatterm"),
            0xF8,
            .. Encoding.UTF8.GetBytes("te,litteratur,adults,2026-11-07 18:00,solvberget,\nev-3,Eventyrstund for de små,barn,children,2026-11-08 11:00,madla,\n"),
        ];

        var run = await _h.ImportAsync(ImportKind.Events, bytes);

        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 2, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(3, "title", "Forfatterm\uFFFDte", ImportReasons.Encoding));
        Assert.Equal([("ev-1", "Konsert i Sølvberget", "musikk"), ("ev-3", "Eventyrstund for de små", "barn")], await EventsAsync());
    }

    [Fact]
    public async Task Utf8WithByteOrderMark_AndHeaderNamesInAnyCase_Load()
    {
        var csv = """
            Event_ID,TITLE,Category,AUDIENCE,Starts_At,Branch,Organiser
            ev-1,Bokbad på Madla,Litteratur,Adults,2026-11-03 19:00,MADLA,
            """;
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)];

        var run = await _h.ImportAsync(ImportKind.Events, bytes);

        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0), run);
        Assert.Equal([("ev-1", "Bokbad på Madla", "litteratur")], await EventsAsync());
        Assert.Equal(
            [_h.Branches["madla"]],
            await _h.QueryAsync("SELECT branch_id FROM event", r => r.GetInt16(0)));
    }

    [Fact]
    public async Task ExcelUnicodeText_Utf16WithByteOrderMarkAndTabs_Loads()
    {
        // Excel's "Unicode Text (*.txt)": UTF-16 little-endian with a byte order mark, tab separated.
        var text = "event_id\ttitle\tcategory\taudience\tstarts_at\tbranch\torganiser\r\n"
            + "ev-1\tSommerles-fest på Sølvberget\tbarn\tchildren\t14.08.2026 12:00\tsolvberget\t\r\n";
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

        var run = await _h.ImportAsync(ImportKind.Events, bytes, fileName: "arrangementer.txt");

        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0), run);
        Assert.Equal([("ev-1", "Sommerles-fest på Sølvberget", "barn")], await EventsAsync());
    }

    // Excel on Norwegian Windows saves "CSV" with semicolons (the comma is the decimal sign); other tools write tabs.
    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public async Task SemicolonAndTabSeparatedKohaStatistics_WithAnUpperCaseHeader_Load(char separator)
    {
        string Row(params string[] fields) => string.Join(separator, fields);
        var csv = string.Join("\n",
            Row("DATETIME", "BRANCH", "VALUE", "TYPE", "OTHER", "ITEMNUMBER", "ITEMTYPE", "LOCATION", "BORROWERNUMBER", "CCODE", "CATEGORYCODE", "INTERFACE"),
            Row("2026-11-02 10:15:00", "solvberget", "0,000000", "issue", "", "48211", "BOK", "VOKSEN", "20417", "SKJØNN", "V", "intranet"),
            Row("2026-11-02 10:16:00", "madla", "0,000000", "renew", "", "48212", "LYDBOK", "VOKSEN", "20417", "FAKTA", "V", "opac"),
            Row("2026-11-31 10:17:00", "madla", "0,000000", "issue", "", "48213", "BOK", "VOKSEN", "20417", "FAKTA", "V", "sip")) + "\n";

        var run = await _h.ImportAsync(ImportKind.Loans, csv, ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 2, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(4, "datetime", "2026-11-31 10:17:00", ImportReasons.Date)); // no 31 November
        var facts = await _h.FactsAsync();
        Assert.Equal(
            [(FactKind.Loan, _h.Branches["solvberget"], "BOK", "SKJØNN"), (FactKind.Renewal, _h.Branches["madla"], "LYDBOK", "FAKTA")],
            facts.Select(f => (f.Kind, f.BranchId!.Value, f.Media!, f.Category!)));
    }

    [Fact]
    public async Task QuotedFieldsWithEmbeddedNewlinesAndSeparators_AreOneField_AndLinesAreCountedInTheFile()
    {
        // Koha's "other" column holds free text; a quoted value may hold commas, doubled quotes and newlines.
        var csv = KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417", other: "\"første linje, med komma\nandre linje med \"\"sitat\"\"\""),
            KohaFiles.Statistic("2026-11-02 10:16:00", "issue", "48212", "20417"),
            KohaFiles.Statistic("2026-11-31 10:17:00", "issue", "48213", "20417"));
        Assert.Equal(5, csv.Count(c => c == '\n')); // the header, a row over lines 2 and 3, rows on lines 4 and 5

        var run = await _h.ImportAsync(ImportKind.Loans, csv, ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 2, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(5, "datetime", "2026-11-31 10:17:00", ImportReasons.Date));

        var events = await _h.ImportAsync(ImportKind.Events, $"""
            {EventsHeader}
            ev-1,"Lesesirkel, høst
            (fire kvelder)",litteratur,adults,2026-11-03 19:00,madla,
            """);
        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0), events);
        Assert.Equal([("ev-1", "Lesesirkel, høst\n(fire kvelder)", "litteratur")], await EventsAsync());
    }
}
