using Medlem.Core.Activity;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Issue 3: "Imports are idempotent (the same file, or an overlapping export, twice gives the same figures:
// dedupe by the source's event identity or a content key)". A rerun loads nothing and reports every row
// it staged as already there.
public sealed class IdempotencyTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task OverlappingKohaExports_Rows1To100Then50To150_Give150Facts()
    {
        // KohaFiles.NumberedIssues: row n is an issue at 2026-10-01 08:00 + 20n seconds (row 150 at 08:50); even n Kari's, odd n an unknown borrower's.
        var first = await _h.ImportAsync(ImportKind.Loans, KohaFiles.NumberedIssues(1, 100), ImportFormat.Koha);
        var second = await _h.ImportAsync(ImportKind.Loans, KohaFiles.NumberedIssues(50, 101), ImportFormat.Koha);

        RunAssert.Figures(new(ImportState.Completed, Read: 100, Loaded: 100, Duplicate: 0, Rejected: 0, Unmatched: 50), first);
        RunAssert.Figures(new(ImportState.Completed, Read: 101, Loaded: 50, Duplicate: 51, Rejected: 0, Unmatched: 50), second);
        Assert.Equal(150, await _h.CountAsync("SELECT count(*) FROM fact"));
        Assert.Equal(150, await _h.CountAsync("SELECT count(DISTINCT key) FROM fact"));
        // Kari has the even rows of 1..150, all on 1 October: 75 loans in her month; 75 unmatched loans beside them.
        Assert.Equal(75, await _h.CountAsync("SELECT sum(n)::BIGINT FROM member_month WHERE month = DATE '2026-10-01' AND kind = 1"));
        Assert.Equal(
            [(1, 75L), (2, 75L)],
            await _h.QueryAsync("SELECT match, sum(n)::BIGINT FROM branch_day WHERE day = DATE '2026-10-01' GROUP BY match ORDER BY match", r => ((int)r.GetByte(0), r.GetInt64(1))));
    }

    [Fact]
    public async Task EveryKind_ImportedTwice_LoadsNothingTheSecondTime_AndLeavesTheFiguresAsTheyWere()
    {
        var profile = MappingProfile.Parse("""{ "values": { "E-bok": "ebook", "Lydbok": "eaudiobook" } }""");
        var statistics = KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            KohaFiles.Statistic("2026-11-02 11:00:00", "renew", "48300", "20499", branch: "madla"),
            KohaFiles.Statistic("2026-11-02 12:00:00", "localuse", "48400", ""));
        var borrowers = $"""
            {KohaFiles.BorrowersHeader}
            20418,2100000025,Nordmann,Ola,Storgata 1,4006,Stavanger,,,2016-05-01,solvberget,B,2020-01-01,2027-01-01,M,
            20422,2100000041,Hansen,Per,Hillevåg 3,4016,Stavanger,per.hansen@example.no,,2008-07-15,madla,U,2024-01-01,2027-01-01,M,
            """;
        var visits = """
            branch,date,hour,count
            solvberget,2026-11-02,10,41
            solvberget,2026-11-02,11,38
            madla,2026-11-02,10,12
            """;

        async Task<List<ImportRun>> ImportAllAsync() =>
        [
            await _h.ImportAsync(ImportKind.Patrons, borrowers, ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Loans, statistics, ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Events, MedlemFormatTests.Events),
            await _h.ImportAsync(ImportKind.Attendance, MedlemFormatTests.Attendance),
            await _h.ImportAsync(ImportKind.Wifi, MedlemFormatTests.Wifi),
            await _h.ImportAsync(ImportKind.DigitalLoans, MedlemFormatTests.DigitalLoans, profile: profile),
            await _h.ImportAsync(ImportKind.Visits, visits),
        ];

        await ImportAllAsync();
        var facts = await _h.FactsAsync();
        var aggregates = await _h.AggregatesAsync();
        var catalogue = await CatalogueAndCountsAsync();
        var links = await _h.LinksAsync();

        var again = await ImportAllAsync();

        Assert.Equal(
            new RunFigures[]
            {
                new(ImportState.Completed, Read: 2, Loaded: 0, Duplicate: 2, Rejected: 0),
                new(ImportState.Completed, Read: 3, Loaded: 0, Duplicate: 3, Rejected: 0, Unmatched: 1, Anonymous: 1),
                new(ImportState.Completed, Read: 4, Loaded: 0, Duplicate: 3, Rejected: 1),
                new(ImportState.Completed, Read: 13, Loaded: 0, Duplicate: 11, Rejected: 2, Unmatched: 3, Anonymous: 3),
                new(ImportState.Completed, Read: 7, Loaded: 0, Duplicate: 5, Rejected: 2, Unmatched: 4),
                new(ImportState.Completed, Read: 5, Loaded: 0, Duplicate: 4, Rejected: 1, Unmatched: 1, Anonymous: 1),
                new(ImportState.Completed, Read: 3, Loaded: 0, Duplicate: 3, Rejected: 0),
            },
            again.Select(RunFigures.Of));
        Assert.Equal(facts, await _h.FactsAsync());
        Assert.Equal(aggregates, await _h.AggregatesAsync());
        Assert.Equal(catalogue, await CatalogueAndCountsAsync());
        Assert.Equal(links, await _h.LinksAsync());
    }

    [Fact]
    public async Task RecordPerLoanExports_OverTime_CountEachRenewalOnce()
    {
        // FOLIO keeps a loan's renewal count and the time of the record's last change (metadata.updatedDate), so
        // LoansMapper dates the renewals then. The same loan in three exports, as of 10, 21 and 26 November:
        // renewed on 9 November, again on 20 November, returned on 25 November (which changes the record too).
        var profile = MappingProfile.Parse("""{ "branches": { "c4c90014-c8c9-4ade-8f24-b5e313319f4b": "solvberget" } }""");
        await _h.ImportAsync(ImportKind.Patrons, """{"id": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b01", "barcode": "2100000017"}""", ImportFormat.Folio);
        string Export(int renewals, string updated) => $$$"""
            [{"id": "a1f0b1c2-0000-4000-8000-000000000001", "userId": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b01", "itemId": "b2c3d4e5-0000-4000-8000-000000000001",
              "loanDate": "2026-11-02T09:15:00.000+00:00", "action": "renewed", "renewalCount": {{{renewals}}}, "checkoutServicePointId": "c4c90014-c8c9-4ade-8f24-b5e313319f4b",
              "metadata": {"createdDate": "2026-11-02T09:15:00.000+00:00", "updatedDate": "{{{updated}}}"}}]
            """;

        var first = await _h.ImportAsync(ImportKind.Loans, Export(1, "2026-11-09T10:00:00.000+00:00"), ImportFormat.Folio, profile);
        var second = await _h.ImportAsync(ImportKind.Loans, Export(2, "2026-11-20T10:00:00.000+00:00"), ImportFormat.Folio, profile);
        var third = await _h.ImportAsync(ImportKind.Loans, Export(2, "2026-11-25T10:00:00.000+00:00"), ImportFormat.Folio, profile);

        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 2, Duplicate: 0, Rejected: 0), first);
        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 2, Rejected: 0), second);
        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 0, Duplicate: 3, Rejected: 0), third);
        Assert.Equal(
            [(FactKind.Loan, new DateOnly(2026, 11, 2)), (FactKind.Renewal, new DateOnly(2026, 11, 9)), (FactKind.Renewal, new DateOnly(2026, 11, 20))],
            (await _h.FactsAsync()).Select(f => (f.Kind, f.Day)));
        Assert.Equal(new DateOnly(2026, 11, 20), (await _h.MembershipAsync("Kari")).LastUsedOn);
    }

    private async Task<List<string>> CatalogueAndCountsAsync() =>
    [
        .. await _h.QueryAsync("SELECT event_id, title, category, audience, starts_at, branch_id FROM event ORDER BY event_id", r => $"{r.GetString(0)} {r.GetString(1)} {r.GetString(2)} {r.GetByte(3)} {r.GetDateTime(4):s} {r.GetValue(5)}"),
        .. await _h.QueryAsync("SELECT branch_id, day, hour, count FROM visit ORDER BY ALL", r => $"{r.GetInt16(0)} {r.GetDateTime(1):yyyy-MM-dd} {r.GetByte(2)} {r.GetInt32(3)}"),
    ];
}
