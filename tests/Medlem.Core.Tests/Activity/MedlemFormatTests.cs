using Medlem.Core.Activity;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

// Issue 3, "Sources and formats", in Medlem's own columns (docs/activity-import.md): the event catalogue and
// attendance (card, e-mail or nothing), wifi sessions (a member's pseudonym, or else only a device hash that
// changes every month), digital loans and door counts.
public sealed class MedlemFormatTests : IAsyncLifetime
{
    public const string Events = """
        event_id,title,category,audience,starts_at,branch,organiser
        ev-1,Forfattermøte med Anne B. Ragde,Litteratur,adults,2026-11-05 18:00,solvberget,Sølvberget
        ev-2,Eventyrstund,barn,children,2026-11-07 11:00,madla,Madla bibliotek
        ev-3,Julekonsert,musikk,all,2026-12-10 18:00,solvberget,Kulturskolen
        ev-4,Skrivekurs,kurs,teens,2026-11-10 17:00,madla,
        """;

    // Kari registers and checks in by card; Per by e-mail, the second time in capitals; one e-mail and two
    // cards (one of library B) no member of library A holds; three anonymous head counts.
    public const string Attendance = """
        event_id,time,card_number,email
        ev-1,2026-10-20 12:00,2100000017,
        ev-1,2026-11-05 17:55,2100000017,
        ev-1,2026-11-05 17:56,,per.hansen@example.no
        ev-1,2026-11-05 17:57,,PER.HANSEN@Example.no
        ev-1,2026-11-05 17:58,,ukjent@example.no
        ev-1,2026-11-05 17:58,,
        ev-1,2026-11-05 17:59,,
        ev-1,2026-11-05 18:00,,
        ev-2,2026-11-07 10:55,2100000025,
        ev-2,2026-11-07 10:56,9999999999,
        ev-2,2026-11-07 10:57,3100000019,
        ev-3,2026-11-20 12:00,2100000033,
        ev-9,2026-11-05 18:00,2100000017,
        """;

    public const string Wifi = """
        session_id,started_at,ended_at,branch,login_method,card_number,device_id
        w1,2026-11-02 09:00:00,2026-11-02 10:30:00,solvberget,membership,2100000017,a4:5e:60:d1:22:01
        w2,2026-11-02 11:00:00,2026-11-02 11:20:00,solvberget,voucher,,a4:5e:60:d1:22:02
        w3,2026-11-20 15:00:00,2026-11-20 15:45:00,madla,social,,A4:5E:60:D1:22:02
        w4,2026-10-30 15:00:00,2026-10-30 15:10:00,madla,email,,a4:5e:60:d1:22:02
        w5,2026-11-03 08:00:00,2026-11-03 07:00:00,madla,voucher,,c0:ff:ee:00:00:05
        w6,2026-11-03 08:00:00,,madla,fingerprint,,c0:ff:ee:00:00:06
        w7,2026-11-04 12:00:00,,solvberget,membership,9999999999,b8:27:eb:00:00:07
        """;

    public const string DigitalLoans = """
        loan_id,time,card_number,format,title_id
        d1,2026-11-01 20:00:00,2100000017,ebook,isbn:9788203364850
        d2,2026-11-02 21:00:00,2100000041,Lydbok,isbn:9788202622180
        d3,2026-11-03 22:00:00,9999999999,E-bok,isbn:9788205512345
        d4,2026-11-04 07:00:00,,eaudiobook,isbn:9788205598765
        d5,2026-11-05 07:00:00,2100000017,pdf,isbn:9788203300000
        """;

    private ImportHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await ImportHarness.CreateAsync();

    public ValueTask DisposeAsync()
    {
        _h.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Events_AreCatalogued_FutureOnesToo_AndAnUnknownAudienceIsReported()
    {
        var run = await _h.ImportAsync(ImportKind.Events, Events);

        RunAssert.Figures(new(ImportState.Completed, Read: 4, Loaded: 3, Duplicate: 0, Rejected: 1), run);
        RunAssert.Report(run, new ReportLine(5, "audience", "teens", ImportReasons.Audience));
        Assert.Equal(
            [
                ("ev-1", "Forfattermøte med Anne B. Ragde", "litteratur", Audience.Adults, new DateTime(2026, 11, 5, 18, 0, 0), (short?)_h.Branches["solvberget"]),
                ("ev-2", "Eventyrstund", "barn", Audience.Children, new DateTime(2026, 11, 7, 11, 0, 0), _h.Branches["madla"]),
                ("ev-3", "Julekonsert", "musikk", Audience.All, new DateTime(2026, 12, 10, 18, 0, 0), _h.Branches["solvberget"]),
            ],
            await _h.QueryAsync(
                "SELECT event_id, title, category, audience, starts_at, branch_id FROM event ORDER BY event_id",
                r => (r.GetString(0), r.GetString(1), r.GetString(2), (Audience)r.GetByte(3), r.GetDateTime(4), r.IsDBNull(5) ? (short?)null : r.GetInt16(5))));
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM fact_row")); // a catalogue, no people
    }

    [Fact]
    public async Task Attendance_CountsAMemberOncePerEvent_EachAnonymousRow_AndUnmatchedPeopleByHashOnly()
    {
        await _h.ImportAsync(ImportKind.Events, Events);

        var run = await _h.ImportAsync(ImportKind.Attendance, Attendance);

        // 13 rows: ev-3 lies in the future, ev-9 is not catalogued. Of 11 facts, Kari's check-in repeats her
        // registration and Per's second row his first: 9 people at two events.
        RunAssert.Figures(new(ImportState.Completed, Read: 13, Loaded: 9, Duplicate: 2, Rejected: 2, Unmatched: 3, Anonymous: 3), run);
        RunAssert.Report(run,
            new ReportLine(13, "event_id", "ev-3", ImportReasons.Future),
            new ReportLine(14, "event_id", "ev-9", ImportReasons.Event));
        var facts = await _h.FactsAsync();
        Assert.All(facts, f => Assert.Equal(FactKind.EventAttendance, f.Kind));
        var ev1 = facts.Where(f => f.EventId == "ev-1").ToList();
        Assert.All(ev1, f => Assert.Equal((new DateOnly(2026, 11, 5), (short?)_h.Branches["solvberget"], "litteratur", (Audience?)Audience.Adults), (f.Day, f.BranchId, f.Category, f.Audience)));
        Assert.Equal(
            new[]
            {
                (MatchKind.Member, (Guid?)_h["Kari"].Pseudonym, (AgeBand?)AgeBand.Age30To44, false),
                (MatchKind.Member, _h["Per"].Pseudonym, AgeBand.Age16To19, false),
                (MatchKind.Unmatched, null, null, true),
                (MatchKind.Anonymous, null, null, false),
                (MatchKind.Anonymous, null, null, false),
                (MatchKind.Anonymous, null, null, false),
            }.Order(),
            ev1.Select(f => (f.Match, f.Member, f.AgeBand, f.Visitor is not null)).Order());
        var ev2 = facts.Where(f => f.EventId == "ev-2").ToList();
        Assert.All(ev2, f => Assert.Equal((new DateOnly(2026, 11, 7), (short?)_h.Branches["madla"], (Audience?)Audience.Children), (f.Day, f.BranchId, f.Audience)));
        Assert.Equal(
            new[] { (MatchKind.Member, (Guid?)_h["Ola"].Pseudonym, false), (MatchKind.Unmatched, null, true), (MatchKind.Unmatched, null, true) }.Order(),
            ev2.Select(f => (f.Match, f.Member, f.Visitor is not null)).Order());
        Assert.Equal(9, ev1.Count + ev2.Count);
    }

    [Fact]
    public async Task Wifi_MemberSessionsCarryThePseudonym_OthersADeviceHashThatHoldsForAMonthOnly()
    {
        var run = await _h.ImportAsync(ImportKind.Wifi, Wifi);

        RunAssert.Figures(new(ImportState.Completed, Read: 7, Loaded: 5, Duplicate: 0, Rejected: 2, Unmatched: 4), run);
        RunAssert.Report(run,
            new ReportLine(6, "ended_at", "2026-11-03 07:00:00", ImportReasons.EndsBeforeStart),
            new ReportLine(7, "login_method", "fingerprint", ImportReasons.Login));
        var facts = (await _h.FactsAsync()).ToDictionary(f => (f.Day, f.Media, f.Minutes));
        var w1 = facts[(new DateOnly(2026, 11, 2), "membership", 90)];
        var w2 = facts[(new DateOnly(2026, 11, 2), "voucher", 20)];
        var w3 = facts[(new DateOnly(2026, 11, 20), "social", 45)];
        var w4 = facts[(new DateOnly(2026, 10, 30), "email", 10)];
        var w7 = facts[(new DateOnly(2026, 11, 4), "membership", null)];

        Assert.Equal((MatchKind.Member, (Guid?)_h["Kari"].Pseudonym, (Guid?)null, (short?)_h.Branches["solvberget"]), (w1.Match, w1.Member, w1.Visitor, w1.BranchId));
        Assert.All(new[] { w2, w3, w4, w7 }, f => Assert.Equal((MatchKind.Unmatched, (Guid?)null), (f.Match, f.Member)));
        Assert.Equal(w2.Visitor, w3.Visitor); // the same device (its id in capitals) twice in November
        Assert.NotEqual(w2.Visitor, w4.Visitor); // and in October: another month's key, another hash
        Assert.NotEqual(w2.Visitor, w7.Visitor);
        Assert.Equal(2, await _h.CountAsync("SELECT count(DISTINCT visitor) FROM fact WHERE day >= DATE '2026-11-01'"));
    }

    [Fact]
    public async Task DigitalLoans_ByCard_WithTheProfileTranslatingFormats_BelongToNoBranch()
    {
        var profile = MappingProfile.Parse("""{ "values": { "E-bok": "ebook", "Lydbok": "eaudiobook" } }""");

        var run = await _h.ImportAsync(ImportKind.DigitalLoans, DigitalLoans, profile: profile);

        RunAssert.Figures(new(ImportState.Completed, Read: 5, Loaded: 4, Duplicate: 0, Rejected: 1, Unmatched: 1, Anonymous: 1), run);
        RunAssert.Report(run, new ReportLine(6, "format", "pdf", ImportReasons.Format));
        Assert.Equal(
            new[]
            {
                (new DateOnly(2026, 11, 1), "ebook", MatchKind.Member, (Guid?)_h["Kari"].Pseudonym),
                (new DateOnly(2026, 11, 2), "eaudiobook", MatchKind.Member, _h["Per"].Pseudonym),
                (new DateOnly(2026, 11, 3), "ebook", MatchKind.Unmatched, null),
                (new DateOnly(2026, 11, 4), "eaudiobook", MatchKind.Anonymous, null),
            },
            (await _h.FactsAsync()).Select(f => (f.Day, f.Media!, f.Match, f.Member)));
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM fact WHERE branch_id IS NOT NULL OR kind <> 7"));
        Assert.Equal(0, await _h.CountAsync("SELECT count(*) FROM title")); // nobody keeps a reading history yet
    }

    [Fact]
    public async Task Visits_ALaterCountForTheSameHourReplacesTheEarlier_InTheFileAndAcrossImports()
    {
        var first = await _h.ImportAsync(ImportKind.Visits, """
            branch,date,hour,count
            solvberget,2026-11-02,10,41
            madla,2026-11-02,10,12
            solvberget,2026-11-02,10,45
            """);

        // The file's second count for Sølvberget at 10 replaces its first: two hours loaded, one row superseded.
        RunAssert.Figures(new(ImportState.Completed, Read: 3, Loaded: 2, Duplicate: 1, Rejected: 0), first);
        Assert.Equal([("madla", 12), ("solvberget", 45)], await VisitsAsync());

        var second = await _h.ImportAsync(ImportKind.Visits, """
            branch,date,hour,count
            solvberget,2026-11-02,10,47
            madla,2026-11-02,10,12
            """);

        // A corrected count replaces the stored one; the unchanged count is already there.
        RunAssert.Figures(new(ImportState.Completed, Read: 2, Loaded: 1, Duplicate: 1, Rejected: 0), second);
        Assert.Equal([("madla", 12), ("solvberget", 47)], await VisitsAsync());
    }

    private async Task<List<(string Branch, int Count)>> VisitsAsync()
    {
        var names = _h.Branches.ToDictionary(b => b.Value, b => b.Key);
        var rows = await _h.QueryAsync("SELECT branch_id, count FROM visit WHERE day = DATE '2026-11-02' AND hour = 10", r => (r.GetInt16(0), r.GetInt32(1)));
        return [.. rows.Select(r => (names[r.Item1], r.Item2)).Order()];
    }
}
