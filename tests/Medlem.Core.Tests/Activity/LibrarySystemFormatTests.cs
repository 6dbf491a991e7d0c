using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Issue 3, "Sources and formats": Koha's borrowers and statistics tables as CSV, Koha's REST API patron
// and checkout objects (api/v1/swagger/definitions/patron.yaml, checkout.yaml in Koha-Community/Koha),
// FOLIO's users (mod-users userdata) and loans (mod-circulation ramls/loan.json) as JSON. The objects
// below carry the fields those definitions name, personal ones included, as real exports do.
// Times: Koha's CSV is local time; JSON times carry an offset and land on Oslo's calendar day.
public sealed class LibrarySystemFormatTests : IAsyncLifetime
{
    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public Task KohaBorrowersCsv_LinksBorrowernumbers_ByCardOrEmail_AndStatisticsCsv_MatchesThem() => KohaScenarioAsync(_h);

    /// <summary>
    /// The same with the register in a SQLite file: the importer then reads the library's members in
    /// two halves on two connections (and the library-system ids on the second), and must match
    /// every member as from one (MemberIndexLoader).
    /// </summary>
    [Fact]
    public async Task KohaBorrowersCsv_AndStatisticsCsv_WithTheRegisterInAFile_MatchTheSameMembers()
    {
        using var h = await ImportHarness.CreateAsync(registerOnFile: true);
        await KohaScenarioAsync(h);
    }

    /// <summary>
    /// The same with the members read before the statistics import starts, as the command line does
    /// while EF Core starts (MemberPreload): the import takes those rows, and matches every member as
    /// when it reads them itself.
    /// </summary>
    [Fact]
    public async Task KohaStatisticsCsv_WithTheMembersReadBeforehand_MatchesTheSameMembers()
    {
        using var h = await ImportHarness.CreateAsync(registerOnFile: true);
        await KohaScenarioAsync(h, async () =>
        {
            var members = h.PreloadMembers("stavanger", ImportFormat.Koha);
            var rows = await members.TakeAsync(h.LibraryA);
            Assert.NotNull(rows);
            Assert.Equal(h.Members.Values.Where(m => m.LibraryId == h.LibraryA).Select(m => m.MembershipId).Order(), rows.Memberships.Select(m => m.Id).Order());
            Assert.Equal(["20417", "20418", "20419"], rows.Links.Select(l => l.ExternalId).Order());
            Assert.Null(await members.TakeAsync(h.LibraryB));
            return members;
        });
    }

    /// <summary>Members read for another library are not taken: the import reads its own library's.</summary>
    [Fact]
    public async Task KohaStatisticsCsv_WithAnotherLibrarysMembersReadBeforehand_StillMatchesItsOwn()
    {
        using var h = await ImportHarness.CreateAsync(registerOnFile: true);
        await KohaScenarioAsync(h, () => Task.FromResult(h.PreloadMembers("sandnes", ImportFormat.Koha)));
    }

    /// <param name="h">The register and store.</param>
    /// <param name="preload">Reads the members before the statistics import, to hand them to it.</param>
    private static async Task KohaScenarioAsync(ImportHarness h, Func<Task<MemberPreload>>? preload = null)
    {
        var borrowers = $"""
            {KohaFiles.BorrowersHeader}
            20417,2100000017,Nordmann,Kari,Storgata 1,4006,Stavanger,kari.nordmann@example.no,51000001,1990-01-01,solvberget,V,2020-01-01,2027-01-01,F,kari
            20418,2100000025,Nordmann,Ola,Storgata 1,4006,Stavanger,,,2016-05-01,solvberget,B,2020-01-01,2027-01-01,M,
            20419,,Solberg,Ingrid,"Madlaveien 12, leil. 3",4041,Stavanger,Ingrid.Solberg@Example.no,,1955-03-10,madla,PE,2019-05-05,2027-05-05,F,ingrid
            20420,2100000999,Ukjent,Person,Ukjentveien 9,4000,Stavanger,,,1970-01-01,solvberget,V,2021-01-01,2027-01-01,,
            20421,3100000019,Sandvik,Siri,Langgata 2,4306,Sandnes,,,1980-06-06,solvberget,V,2021-01-01,2027-01-01,F,
            ,2100000041,Hansen,Per,Hillevåg 3,4016,Stavanger,per.hansen@example.no,,2008-07-15,madla,U,2024-01-01,2027-01-01,M,
            """;

        var patrons = await h.ImportAsync(ImportKind.Patrons, borrowers, ImportFormat.Koha);

        // 20417 was linked already (the fixture); 20418 by card; 20419 by e-mail in any case; 20420 holds no
        // member's card; 20421 holds library B's card, which library A does not know; the last row has no borrowernumber.
        RunAssert.Figures(new(ImportState.Completed, Read: 6, Loaded: 2, Duplicate: 1, Rejected: 1, Unmatched: 2), patrons);
        RunAssert.Report(patrons, new ReportLine(7, "borrowernumber", null, ImportReasons.Required));
        Assert.Equal(
            [("20417", ImportFormat.Koha, h["Kari"].MembershipId), ("20418", ImportFormat.Koha, h["Ola"].MembershipId), ("20419", ImportFormat.Koha, h["Ingrid"].MembershipId)],
            await h.LinksAsync());
        Assert.Equal(0, await h.CountAsync("SELECT count(*) FROM fact_row"));

        await using var members = preload is null ? null : await preload();
        var statistics = await h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics(
            KohaFiles.Statistic("2026-11-02 10:15:00", "issue", "48211", "20417"),
            KohaFiles.Statistic("2026-11-02 10:15:30", "issue", "48212", "20418", itemtype: "BOK", ccode: "BARN", categorycode: "B", location: "BARN"),
            KohaFiles.Statistic("2026-11-02 11:00:00", "renew", "48300", "20419", branch: "madla", itemtype: "LYDBOK", ccode: "FAKTA", categorycode: "PE"),
            KohaFiles.Statistic("2026-11-02 11:30:00", "return", "48211", "20417"),
            KohaFiles.Statistic("2026-11-02 12:00:00", "localuse", "48400", ""),
            KohaFiles.Statistic("2026-11-02 12:05:00", "issue", "48401", "20499"),
            "2026-11-02 12:10:00,solvberget,50.000000,payment,,,,,20417,,V,intranet"), ImportFormat.Koha, members: members);

        RunAssert.Figures(new(ImportState.Completed, Read: 7, Loaded: 6, Duplicate: 0, Rejected: 1, Unmatched: 1, Anonymous: 1), statistics);
        RunAssert.Report(statistics, new ReportLine(8, "type", "payment", ImportReasons.Type));
        var (solvberget, madla) = (h.Branches["solvberget"], h.Branches["madla"]);
        var day = new DateOnly(2026, 11, 2);
        Assert.Equal(
            new[]
            {
                Fact(FactKind.Loan, solvberget, h["Kari"], AgeBand.Age30To44, "BOK", "ROMAN"),
                Fact(FactKind.Loan, solvberget, h["Ola"], AgeBand.Age6To12, "BOK", "BARN"),
                Fact(FactKind.Renewal, madla, h["Ingrid"], AgeBand.Age67Plus, "LYDBOK", "FAKTA"),
                Fact(FactKind.Return, solvberget, h["Kari"], AgeBand.Age30To44, "BOK", "ROMAN"),
                (FactKind.LocalUse, (short?)solvberget, MatchKind.Anonymous, (Guid?)null, false, (AgeBand?)null, (short?)null, "BOK", "ROMAN"),
                (FactKind.Loan, (short?)solvberget, MatchKind.Unmatched, (Guid?)null, true, (AgeBand?)null, (short?)null, "BOK", "ROMAN"),
            }.Order(),
            (await h.FactsAsync()).Select(f => (f.Kind, f.BranchId, f.Match, f.Member, f.Visitor is not null, f.AgeBand, f.MembershipTypeId, f.Media!, f.Category!)).Order());
        Assert.All(await h.FactsAsync(), f => Assert.Equal(day, f.Day));
    }


    [Fact]
    public async Task KohaRestPatronsJsonArray_AndCheckoutsJsonLines_GiveALoanAndOneRenewalFactPerRenewal()
    {
        var patrons = await _h.ImportAsync(ImportKind.Patrons, """
            [
              {"patron_id": 20417, "cardnumber": "2100000017", "surname": "Nordmann", "firstname": "Kari", "email": "kari.nordmann@example.no",
               "phone": "51000001", "date_of_birth": "1990-01-01", "library_id": "solvberget", "category_id": "V", "date_enrolled": "2020-01-01",
               "expiry_date": "2027-01-01", "restricted": false, "autorenew_checkouts": true, "privacy": 1, "updated_on": "2026-11-01T10:00:00+01:00",
               "lang": "nb-NO", "anonymized": false, "extended_attributes": [], "protected": false},
              {"patron_id": 20422, "cardnumber": "2100000041", "surname": "Hansen", "firstname": "Per", "email": null, "date_of_birth": "2008-07-15",
               "library_id": "madla", "category_id": "U", "restricted": false, "updated_on": "2026-11-01T10:00:00+01:00"},
              {"patron_id": 20423, "cardnumber": null, "surname": "Ukjent", "firstname": null, "email": null, "library_id": "madla", "category_id": "V"}
            ]
            """, ImportFormat.Koha, fileName: "patrons.json");

        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 1, Duplicate: 1, Rejected: 0, Unmatched: 1), patrons);
        Assert.Equal(
            [(ImportFixture.KariBorrowernumber, ImportFormat.Koha, _h["Kari"].MembershipId), ("20422", ImportFormat.Koha, _h["Per"].MembershipId)],
            await _h.LinksAsync());

        var checkouts = await _h.ImportAsync(ImportKind.Loans, """
            {"checkout_id": 9001, "patron_id": 20417, "item_id": 48211, "external_id": "03010012345678", "due_date": "2026-11-30T23:59:00+01:00", "library_id": "solvberget", "issuer_id": 5, "checkin_date": null, "checkin_library_id": null, "last_renewed_date": "2026-11-16T09:12:00+01:00", "renewals_count": 2, "unseen_renewals": 0, "auto_renew": false, "auto_renew_error": null, "timestamp": "2026-11-16T09:12:00+01:00", "checkout_date": "2026-11-02T10:15:00+01:00", "onsite_checkout": false, "note": null}
            {"checkout_id": 9002, "patron_id": 20499, "item_id": 48212, "due_date": "2026-11-24T23:59:00+01:00", "library_id": "madla", "last_renewed_date": null, "renewals_count": 0, "checkout_date": "2026-11-03T14:00:00+01:00", "onsite_checkout": false}

            {"checkout_id": 9003, "patron_id": 20422, "item_id": 48213, "library_id": "madla", "renewals_count": -1, "checkout_date": "2026-11-04T12:00:00+01:00"}
            {"checkout_id": 9004, "patron_id": 20422, "item_id": 48214, "library_id": "madla", "renewals_count": 0, "checkout_date": "2026-12-01T10:00:00+01:00"}
            {"checkout_id": 9005, "patron_id": 20422, "item_id": 48215, "library_id": "madla", "renewals_count": 0, "checkout_date": "2026-11-02T23:30:00Z"}
            not json at all
            """, ImportFormat.Koha, fileName: "checkouts.jsonl");

        // 9001: a loan on 2 November and two renewals dated the last renewal, 16 November; 9002: an unknown
        // patron's loan; 9005: 23:30 UTC is 00:30 on 3 November in Oslo. Lines count in the file, blank ones too.
        RunAssert.Figures(new(ImportState.Completed, Read: 6, Loaded: 5, Duplicate: 0, Rejected: 3, Unmatched: 1), checkouts);
        RunAssert.Report(checkouts,
            new ReportLine(4, "renewals_count", "-1", ImportReasons.Negative),
            new ReportLine(5, "checkout_date", "2026-12-01T10:00:00+01:00", ImportReasons.Future),
            new ReportLine(7, null, "not a JSON object", ImportReasons.Shape));
        var (solvberget, madla) = (_h.Branches["solvberget"], _h.Branches["madla"]);
        Assert.Equal(
            new[]
            {
                (FactKind.Loan, new DateOnly(2026, 11, 2), (short?)solvberget, MatchKind.Member, (Guid?)_h["Kari"].Pseudonym),
                (FactKind.Renewal, new DateOnly(2026, 11, 16), solvberget, MatchKind.Member, _h["Kari"].Pseudonym),
                (FactKind.Renewal, new DateOnly(2026, 11, 16), solvberget, MatchKind.Member, _h["Kari"].Pseudonym),
                (FactKind.Loan, new DateOnly(2026, 11, 3), madla, MatchKind.Unmatched, null),
                (FactKind.Loan, new DateOnly(2026, 11, 3), madla, MatchKind.Member, _h["Per"].Pseudonym),
            }.Order(),
            (await _h.FactsAsync()).Select(f => (f.Kind, f.Day, f.BranchId, f.Match, f.Member)).Order());
    }

    [Fact]
    public async Task FolioUsersJsonLines_AndLoansJsonArray_WithServicePointsMappedToBranches()
    {
        const string KariId = "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b01", IngridId = "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b02";
        var users = await _h.ImportAsync(ImportKind.Patrons, $$$"""
            {"id": "{{{KariId}}}", "username": "kari", "externalSystemId": "k-20417", "barcode": "2100000017", "active": true, "type": "patron", "patronGroup": "3684a786-6671-4268-8ed0-9db82ebca60b", "personal": {"lastName": "Nordmann", "firstName": "Kari", "email": "kari.nordmann@example.no", "phone": "51000001", "dateOfBirth": "1990-01-01T00:00:00.000+00:00", "addresses": [{"addressLine1": "Storgata 1", "city": "Stavanger", "postalCode": "4006", "primaryAddress": true}], "preferredContactTypeId": "002"}, "enrollmentDate": "2020-01-01T00:00:00.000+00:00", "expirationDate": "2027-01-01T00:00:00.000+00:00", "createdDate": "2020-01-01T10:00:00.000+00:00", "updatedDate": "2026-11-01T10:00:00.000+00:00", "metadata": {"createdDate": "2020-01-01T10:00:00.000+00:00", "updatedDate": "2026-11-01T10:00:00.000+00:00"}}
            {"id": "{{{IngridId}}}", "username": "ingrid", "active": true, "type": "patron", "patronGroup": "3684a786-6671-4268-8ed0-9db82ebca60b", "personal": {"lastName": "Solberg", "firstName": "Ingrid", "email": "ingrid.solberg@example.no", "dateOfBirth": "1955-03-10T00:00:00.000+00:00"}}
            {"id": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b03", "username": "ukjent", "barcode": "9999999999", "active": true, "personal": {"lastName": "Ukjent", "email": "ukjent@example.no"}}
            """, ImportFormat.Folio, fileName: "users.jsonl");

        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 2, Duplicate: 0, Rejected: 0, Unmatched: 1), users);
        Assert.Equal(
            [(ImportFixture.KariBorrowernumber, ImportFormat.Koha, _h["Kari"].MembershipId), (KariId, ImportFormat.Folio, _h["Kari"].MembershipId), (IngridId, ImportFormat.Folio, _h["Ingrid"].MembershipId)],
            await _h.LinksAsync());

        // FOLIO names service points by UUID; the library's profile says which branch each is.
        var profile = MappingProfile.Parse("""
            { "branches": { "c4c90014-c8c9-4ade-8f24-b5e313319f4b": "solvberget", "7c5abc9f-f3d7-4856-b8d7-6712462ca007": "madla" } }
            """);
        var loans = await _h.ImportAsync(ImportKind.Loans, $$$"""
            [
              {"id": "a1f0b1c2-0000-4000-8000-000000000001", "userId": "{{{KariId}}}", "itemId": "b2c3d4e5-0000-4000-8000-000000000001",
               "borrower": {"firstName": "Kari", "lastName": "Nordmann", "barcode": "2100000017"},
               "item": {"id": "b2c3d4e5-0000-4000-8000-000000000001", "title": "Sult", "barcode": "03010012345678", "materialType": {"name": "book"}, "status": {"name": "Checked out"}},
               "status": {"name": "Open"}, "loanDate": "2026-11-02T09:15:00.000+00:00", "dueDate": "2026-12-07T22:59:59.000+00:00", "action": "renewed",
               "renewalCount": 1, "checkoutServicePointId": "c4c90014-c8c9-4ade-8f24-b5e313319f4b",
               "metadata": {"createdDate": "2026-11-02T09:15:00.000+00:00", "updatedDate": "2026-11-20T22:30:00.000+00:00"}},
              {"id": "a1f0b1c2-0000-4000-8000-000000000002", "userId": "{{{IngridId}}}", "itemId": "b2c3d4e5-0000-4000-8000-000000000002",
               "item": {"title": "Kon-Tiki", "materialType": {"name": "dvd"}}, "status": {"name": "Open"}, "loanDate": "2026-11-02T23:30:00Z",
               "action": "checkedout", "renewalCount": 0, "checkoutServicePointId": "7c5abc9f-f3d7-4856-b8d7-6712462ca007"},
              {"id": "a1f0b1c2-0000-4000-8000-000000000003", "userId": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b99", "itemId": "b2c3d4e5-0000-4000-8000-000000000003",
               "loanDate": "2026-11-04T10:00:00.000+00:00", "action": "checkedout", "checkoutServicePointId": "3a40852d-49fd-4df2-a1f9-6e2641a6e91f"}
            ]
            """, ImportFormat.Folio, profile, fileName: "loans.json");

        // a1: the loan at 10:15 in Oslo on 2 November, its renewal dated the record's last update, 23:30 in Oslo
        // on 20 November; a2: 23:30 UTC is 3 November in Oslo; a3: a service point the profile does not name.
        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 3, Duplicate: 0, Rejected: 1), loans);
        RunAssert.Report(loans, new ReportLine(3, "checkoutServicePointId", "3a40852d-49fd-4df2-a1f9-6e2641a6e91f", ImportReasons.Branch));
        var (solvberget, madla) = (_h.Branches["solvberget"], _h.Branches["madla"]);
        Assert.Equal(
            new[]
            {
                (FactKind.Loan, new DateOnly(2026, 11, 2), (short?)solvberget, (Guid?)_h["Kari"].Pseudonym, "book", (AgeBand?)AgeBand.Age30To44),
                (FactKind.Renewal, new DateOnly(2026, 11, 20), solvberget, _h["Kari"].Pseudonym, "book", AgeBand.Age30To44),
                (FactKind.Loan, new DateOnly(2026, 11, 3), madla, _h["Ingrid"].Pseudonym, "dvd", AgeBand.Age67Plus),
            }.Order(),
            (await _h.FactsAsync()).Select(f => (f.Kind, f.Day, f.BranchId, f.Member, f.Media!, f.AgeBand)).Order());
    }

    [Fact]
    public async Task FolioCollections_AsItsApiReturnsThem_AreReadAsTheirArray()
    {
        // GET /users and GET /circulation/loans answer with the records in a named array beside the total.
        var users = await _h.ImportAsync(ImportKind.Patrons, """
            {
              "users": [
                {"id": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b01", "username": "kari", "barcode": "2100000017", "active": true, "personal": {"lastName": "Nordmann", "email": "kari.nordmann@example.no"}},
                {"id": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b04", "username": "per", "barcode": "2100000041", "active": true, "personal": {"lastName": "Hansen", "email": "per.hansen@example.no"}}
              ],
              "totalRecords": 2,
              "resultInfo": {"totalRecords": 2, "facets": [], "diagnostics": []}
            }
            """, ImportFormat.Folio, fileName: "users.json");
        var loans = await _h.ImportAsync(ImportKind.Loans, """
            {"loans": [{"id": "a1f0b1c2-0000-4000-8000-000000000009", "userId": "7261ecaa-3c1d-4c2a-9a8c-1d5b2e1a0b04", "itemId": "b2c3d4e5-0000-4000-8000-000000000009", "loanDate": "2026-11-05T12:00:00.000+00:00", "action": "checkedout", "renewalCount": 0, "checkoutServicePointId": "madla"}], "totalRecords": 1}
            """, ImportFormat.Folio, fileName: "loans.json");

        RunAssert.Figures(new(ImportState.Completed, Read: 2, Loaded: 2, Duplicate: 0, Rejected: 0), users);
        RunAssert.Figures(new(ImportState.Completed, Read: 1, Loaded: 1, Duplicate: 0, Rejected: 0), loans);
        Assert.Equal(
            [(FactKind.Loan, new DateOnly(2026, 11, 5), (Guid?)_h["Per"].Pseudonym)],
            (await _h.FactsAsync()).Select(f => (f.Kind, f.Day, f.Member)));
    }

    /// <summary>
    /// A mapper keeps the codes of the item types and collections it has seen in a small table of its
    /// own (RowMapper.Code); two thousand of each are more than it holds, so texts take one another's
    /// places there. Each fact must still carry its own row's texts: row i has item type Ti and
    /// collection Ci, so a code given to the wrong text shows as a pair that does not match.
    /// </summary>
    [Fact]
    public async Task KohaStatisticsCsv_WithThousandsOfItemTypesAndCollections_KeepsEachRowsOwn()
    {
        const int Rows = 2000;
        var rows = Enumerable.Range(0, Rows).Select(i =>
            KohaFiles.Statistic($"2026-11-02 10:{i / 60 % 60:00}:{i % 60:00}", "localuse", $"{50_000 + i}", "", itemtype: $"T{i}", ccode: $"C{i}"));
        var run = await _h.ImportAsync(ImportKind.Loans, KohaFiles.Statistics([.. rows]), ImportFormat.Koha);

        Assert.Equal(Rows, run.RowsLoaded);
        var pairs = await _h.QueryAsync("SELECT media, category FROM fact", r => (Media: r.GetString(0), Category: r.GetString(1)));
        Assert.Equal(Rows, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(p.Media[1..], p.Category[1..]));
        Assert.Equal(Rows, pairs.Select(p => p.Media).Distinct().Count());
    }

    private static (FactKind, short?, MatchKind, Guid?, bool, AgeBand?, short?, string, string) Fact(
        FactKind kind, short branch, FixtureMember member, AgeBand band, string media, string category) =>
        (kind, branch, MatchKind.Member, member.Pseudonym, false, band, member.TypeId, media, category);
}
