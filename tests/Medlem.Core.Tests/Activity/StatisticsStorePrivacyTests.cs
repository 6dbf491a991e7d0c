using System.Globalization;
using System.Text;
using Medlem.Core.Activity;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// DESIGN.md §4 and issue 3: "No names, card numbers, e-mails or raw device ids ever reach this store"; done
// when "the statistics store is shown by a test to hold no direct identifier". Every kind is imported (the
// library systems' files carry names, addresses, phone numbers and borrower barcodes, as real ones do),
// then every column of every table and view is searched: text and UUID columns for every identifier, whole
// names as words; number columns for every identifier that is a number. The store's files are searched
// byte for byte as well. And the aggregates the insight queries read must equal a recount of the facts.
public sealed class StatisticsStorePrivacyTests : IAsyncLifetime
{
    private const string KariFolioId = "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b01";

    private static readonly string[] Borrowernumbers = ["20417", "20418", "20419", "20420", "20421", "20422", "20423", "20499"];

    private static readonly string[] OtherIdentifiers =
    [
        // Unknown people's references in the files: cards, e-mails; the FOLIO user ids; every device id.
        "9999999999", "2100000999", "ukjent@example.no", KariFolioId, "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b02", "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b03",
        "a4:5e:60:d1:22:01", "a4:5e:60:d1:22:02", "c0:ff:ee:00:00:05", "c0:ff:ee:00:00:06", "b8:27:eb:00:00:07",
        // Contact details and addresses in the borrowers and users files.
        "51000001", "Storgata 1", "Madlaveien 12", "Hillevåg 3", "Ukjentveien 9", "Langgata 2",
    ];

    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AfterImportingEveryKind_NoColumnOfTheStoreHoldsAnIdentifier_AndTheAggregatesEqualARecount()
    {
        await ImportEveryKindAsync();
        Assert.True(await _h.CountAsync("SELECT count(*) FROM fact") > 40); // the premise: there is something to search

        var texts = _h.Members.Values.SelectMany(m => new[] { m.Card, m.Email }).OfType<string>().Concat(Borrowernumbers).Concat(OtherIdentifiers).ToList();
        var names = _h.Members.Values.SelectMany(m => new[] { m.GivenName, m.FamilyName }).Concat(["Ukjent"]).ToList();
        var numbers = _h.Members.Values.Select(m => m.Card).Concat(Borrowernumbers).Concat(["9999999999", "2100000999"]).Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToList();
        // Numbers and names as whole words: a random hash in hex can hold the digits of a short
        // borrowernumber by chance ("204192e3-…" holds 20419), and that is not the identifier stored.
        var pattern = "(?i)(" + string.Join("|", texts.Select(t => t.All(char.IsAsciiDigit) ? $@"\b{t}\b" : Escape(t)).Concat(names.Select(n => $@"\b{Escape(n)}\b"))) + ")";

        var columns = await _h.QueryAsync(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
            r => (Table: r.GetString(0), Column: r.GetString(1), Type: r.GetString(2)));
        Assert.Contains(columns, c => c.Table == "event" && c.Column == "title"); // the premise: the catalogue is searched too
        var hits = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var where = type is "VARCHAR" or "UUID"
                ? $"regexp_matches(CAST(\"{column}\" AS VARCHAR), '{pattern.Replace("'", "''", StringComparison.Ordinal)}')"
                : type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "HUGEINT"
                    ? $"CAST(\"{column}\" AS HUGEINT) IN ({string.Join(", ", numbers)})"
                    : null;
            if (where is null)
            {
                continue;
            }

            hits.AddRange(await _h.QueryAsync($"SELECT CAST(\"{column}\" AS VARCHAR) FROM \"{table}\" WHERE {where} LIMIT 5", r => $"{table}.{column}: {r.GetString(0)}"));
        }

        Assert.Empty(hits);
        Assert.Empty(IdentifiersInTheStoreFiles(texts.Concat(names.Where(n => n.Length >= 5))));
        await AssertAggregatesEqualARecountAsync();
    }

    private async Task AssertAggregatesEqualARecountAsync()
    {
        const string MemberMonth = "SELECT library_id, member, month, kind, sum(n)::BIGINT AS n FROM member_month GROUP BY ALL";
        const string MemberMonthRecount = """
            SELECT library_id, member, date_trunc('month', day)::DATE AS month, kind, count(*)::BIGINT AS n FROM fact WHERE match = 1 GROUP BY ALL
            """;
        const string BranchDay = "SELECT library_id, branch_id, day, kind, match, age_band, membership_type_id, sum(n)::BIGINT AS n FROM branch_day GROUP BY ALL";
        const string BranchDayRecount = """
            SELECT library_id, branch_id, day, kind, match, age_band, membership_type_id, count(*)::BIGINT AS n FROM fact GROUP BY ALL
            """;
        // member_year (StatisticsSchema): counts of loans (1), renewals (2), events (5), wifi (6), digital loans (7) per
        // member and year, and masks of the months with use (1, 2, 5, 6, 7), with a loan or renewal, an event, wifi, a digital loan.
        const string MemberYear = """
            SELECT library_id, member, year, sum(loans)::BIGINT, sum(renewals)::BIGINT, sum(events)::BIGINT, sum(wifi)::BIGINT, sum(digital)::BIGINT,
                   bit_or(used), bit_or(borrowed), bit_or(evented), bit_or(wifi_months), bit_or(digital_months)
            FROM member_year GROUP BY ALL
            """;
        const string MemberYearRecount = """
            SELECT library_id, member, year(day)::SMALLINT AS year,
                   count(*) FILTER (WHERE kind = 1), count(*) FILTER (WHERE kind = 2), count(*) FILTER (WHERE kind = 5),
                   count(*) FILTER (WHERE kind = 6), count(*) FILTER (WHERE kind = 7),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE kind IN (1, 2, 5, 6, 7)), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE kind IN (1, 2)), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE kind = 5), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE kind = 6), 0),
                   coalesce(bit_or(1 << (month(day) - 1)) FILTER (WHERE kind = 7), 0)
            FROM fact WHERE match = 1 GROUP BY ALL
            """;
        foreach (var (stored, recount) in new[] { (MemberMonth, MemberMonthRecount), (BranchDay, BranchDayRecount), (MemberYear, MemberYearRecount) })
        {
            Assert.Equal(0, await _h.CountAsync($"SELECT count(*) FROM (({stored}) EXCEPT ({recount}))"));
            Assert.Equal(0, await _h.CountAsync($"SELECT count(*) FROM (({recount}) EXCEPT ({stored}))"));
            Assert.True(await _h.CountAsync($"SELECT count(*) FROM ({recount})") > 0);
        }
    }

    private List<string> IdentifiersInTheStoreFiles(IEnumerable<string> identifiers)
    {
        var files = Directory.GetFiles(_h.Folder).Select(File.ReadAllBytes).ToList();
        return
        [
            .. identifiers.Distinct()
                .SelectMany(i => new[] { i, i.ToLowerInvariant(), i.ToUpperInvariant() }.Distinct())
                .Where(i => files.Any(bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(i)) >= 0)),
        ];
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    private async Task ImportEveryKindAsync()
    {
        var borrowers = $"""
            {KohaFiles.BorrowersHeader}
            20418,2100000025,Nordmann,Ola,Storgata 1,4006,Stavanger,,,2016-05-01,solvberget,B,2020-01-01,2027-01-01,M,
            20419,,Solberg,Ingrid,"Madlaveien 12, leil. 3",4041,Stavanger,ingrid.solberg@example.no,51000001,1955-03-10,madla,PE,2019-05-05,2027-05-05,F,ingrid
            20420,2100000999,Ukjent,Person,Ukjentveien 9,4000,Stavanger,,,1970-01-01,solvberget,V,2021-01-01,2027-01-01,,
            20421,3100000019,Sandvik,Siri,Langgata 2,4306,Sandnes,siri.sandvik@example.no,,1980-06-06,solvberget,V,2021-01-01,2027-01-01,F,
            """;
        var runs = new List<ImportRun>
        {
            await _h.ImportAsync(ImportKind.Patrons, borrowers, ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Patrons, """
                [{"patron_id": 20422, "cardnumber": "2100000041", "surname": "Hansen", "firstname": "Per", "email": "per.hansen@example.no", "address": "Hillevåg 3",
                  "date_of_birth": "2008-07-15", "library_id": "madla", "category_id": "U"}]
                """, ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
                KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
                KohaFiles.Statistic("2026-11-02 10:15:30", "issue", "48212", "20418", ccode: "BARN"),
                KohaFiles.Statistic("2026-11-02 11:00:00", "renew", "48300", "20419", branch: "madla"),
                KohaFiles.Statistic("2026-11-02 11:30:00", "return", "48211", "20417"),
                KohaFiles.Statistic("2026-11-02 12:00:00", "localuse", "48400", ""),
                KohaFiles.Statistic("2026-11-02 12:05:00", "issue", "48401", "20499"),
                KohaFiles.Statistic("2026-11-03 12:05:00", "issue", "48402", "20420")), ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Loans, KohaFiles.NumberedIssues(1, 20), ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Loans, KohaFiles.NumberedIssues(10, 20), ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Loans, """
                {"checkout_id": 9001, "patron_id": 20422, "item_id": 48211, "library_id": "solvberget", "renewals_count": 2, "last_renewed_date": "2026-11-16T09:12:00+01:00", "checkout_date": "2026-11-02T10:15:00+01:00"}
                {"checkout_id": 9002, "patron_id": 20499, "item_id": 48212, "library_id": "madla", "renewals_count": 0, "checkout_date": "2026-11-03T14:00:00+01:00"}
                """, ImportFormat.Koha),
            await _h.ImportAsync(ImportKind.Patrons, $$$"""
                {"id": "{{{KariFolioId}}}", "username": "kari", "barcode": "2100000017", "active": true, "personal": {"lastName": "Nordmann", "firstName": "Kari", "email": "kari.nordmann@example.no", "phone": "51000001"}}
                {"id": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b03", "username": "ukjent", "barcode": "9999999999", "personal": {"lastName": "Ukjent", "email": "ukjent@example.no"}}
                """, ImportFormat.Folio),
            await _h.ImportAsync(ImportKind.Loans, $$$"""
                [{"id": "a1f0b1c2-0000-4000-8000-000000000001", "userId": "{{{KariFolioId}}}", "itemId": "b2c3d4e5-0000-4000-8000-000000000001",
                  "borrower": {"firstName": "Kari", "lastName": "Nordmann", "barcode": "2100000017"}, "item": {"title": "Sult", "materialType": {"name": "book"}},
                  "loanDate": "2026-11-02T09:15:00.000+00:00", "action": "renewed", "renewalCount": 1, "checkoutServicePointId": "c4c90014-c8c9-4ade-8f24-b5e313319f4b",
                  "metadata": {"updatedDate": "2026-11-20T22:30:00.000+00:00"}},
                 {"id": "a1f0b1c2-0000-4000-8000-000000000003", "userId": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b03", "itemId": "b2c3d4e5-0000-4000-8000-000000000003",
                  "borrower": {"firstName": "Ukjent", "lastName": "Person", "barcode": "9999999999"},
                  "loanDate": "2026-11-04T10:00:00.000+00:00", "action": "checkedout", "checkoutServicePointId": "c4c90014-c8c9-4ade-8f24-b5e313319f4b"}]
                """, ImportFormat.Folio, MappingProfile.Parse("""{ "branches": { "c4c90014-c8c9-4ade-8f24-b5e313319f4b": "solvberget" } }""")),
            await _h.ImportAsync(ImportKind.Events, MedlemFormatTests.Events),
            await _h.ImportAsync(ImportKind.Attendance, MedlemFormatTests.Attendance),
            await _h.ImportAsync(ImportKind.Wifi, MedlemFormatTests.Wifi),
            await _h.ImportAsync(ImportKind.DigitalLoans, MedlemFormatTests.DigitalLoans, profile: MappingProfile.Parse("""{ "values": { "E-bok": "ebook", "Lydbok": "eaudiobook" } }""")),
            await _h.ImportAsync(ImportKind.Visits, "branch,date,hour,count\nsolvberget,2026-11-02,10,41\nmadla,2026-11-02,10,12\n"),
        };
        Assert.All(runs, r => Assert.Equal(ImportState.Completed, r.State));
    }
}
