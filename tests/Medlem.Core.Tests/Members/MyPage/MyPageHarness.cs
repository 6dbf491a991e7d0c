using Medlem.Core.Activity;
using Medlem.Core.Data;
using Medlem.Core.Members.MyPage;
using Medlem.Core.Privacy.Access;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Privacy.Requests;
using Medlem.Core.Tests.Activity;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

/// <summary>
/// The import tests' register and store (<see cref="ImportHarness"/>: Kari, Ola, Ingrid and Per of
/// Stavanger, Siri of Sandnes; clock at 2026-11-28 12:00 UTC, local zone UTC) with the "Min side"
/// services built on one context, and activity loaded through the real importer by <see cref="LoadActivityAsync"/>.
/// Kari also holds a membership of Sandnes (card <see cref="KariSandnesCard"/>), so a person with two
/// controllers is covered.
/// </summary>
internal sealed class MyPageHarness : IAsyncDisposable
{
    public const string KariSandnesCard = "3100000027";

    private readonly List<MedlemDbContext> _contexts = [];

    private MyPageHarness(ImportHarness imports) => Imports = imports;

    public ImportHarness Imports { get; }

    public Guid Kari { get; private set; }

    public Guid Per { get; private set; }

    public Guid Siri { get; private set; }

    public Guid KariSandnesMembership { get; private set; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<MyPageHarness> CreateAsync()
    {
        var harness = new MyPageHarness(await ImportHarness.CreateAsync());
        harness.Kari = await harness.PersonOfAsync("Kari");
        harness.Per = await harness.PersonOfAsync("Per");
        harness.Siri = await harness.PersonOfAsync("Siri");
        harness.KariSandnesMembership = await harness.Imports.Database.AddMembershipAsync(harness.Kari, harness.Imports.LibraryB, KariSandnesCard);
        return harness;
    }

    /// <summary>A context of its own per call, disposed with the harness: what one web request would have.</summary>
    public MedlemDbContext NewContext()
    {
        var db = Imports.Database.NewContext();
        _contexts.Add(db);
        return db;
    }

    public MyMemberships Memberships(MedlemDbContext? db = null) => new(db ?? NewContext(), Imports.Database.Rules, Imports.Database.Clock);

    public Consents Consents(MedlemDbContext db) => new(db, Imports.Store, ConsentTexts.Default, Imports.Database.Clock);

    public MyConsents MyConsents()
    {
        var db = NewContext();
        return new(db, Consents(db), Memberships(db), Imports.Database.Clock);
    }

    public MyActivity Activity()
    {
        var db = NewContext();
        return new(db, Imports.Store, Memberships(db), Consents(db), Imports.Database.Clock);
    }

    public MyEvents Events() => new(NewContext(), Imports.Store, Imports.Database.Clock);

    public MyRequests Requests()
    {
        var db = NewContext();
        return new(db, new PrivacyRequests(db, Imports.Database.Clock));
    }

    public CorrectMyDetails CorrectDetails() => new(NewContext(), Imports.Database.Rules, Imports.Database.Clock);

    public MyData Data()
    {
        var db = NewContext();
        var export = new AccessExport(db, Imports.Store, Imports.Database.Clock, [new ConsentExportPart(db), new RequestExportPart(db), new AuditExportPart(db)]);
        return new(db, export, Imports.Store, Imports.Database.Clock);
    }

    public MyPageOverview Overview()
    {
        var db = NewContext();
        var memberships = Memberships(db);
        return new(db, memberships, new MyEvents(db, Imports.Store, Imports.Database.Clock), new MyRequests(db, new PrivacyRequests(db, Imports.Database.Clock)), Consents(db));
    }

    /// <summary>
    /// The activity every test here reads, through the real importer. Kari (card 2100000017, Stavanger):
    /// loans on 2 and 12 November 2026, 1 March 2026 and 1 June 2025, a renewal on 15 October 2026 and
    /// a return on 3 November (not use); the events ev-1 (5 November, past) and ev-2 (today at 18:00,
    /// later than the clock's noon: upcoming); a wifi session on 2 November; an e-book on 1 November.
    /// In Sandnes (her second card) a loan on 10 September 2026. Per (Stavanger) and Siri (Sandnes)
    /// have loans and an event of their own that must never show on Kari's page.
    /// </summary>
    public async Task LoadActivityAsync()
    {
        await Loaded(ImportKind.Loans, """
            time,branch,type,item_id,card_number
            2026-11-02 10:00:00,solvberget,issue,bok-1,2100000017
            2026-11-12 10:00:00,madla,issue,bok-2,2100000017
            2026-11-03 10:00:00,solvberget,return,bok-1,2100000017
            2026-10-15 10:00:00,solvberget,renew,bok-0,2100000017
            2026-03-01 10:00:00,solvberget,issue,bok-9,2100000017
            2025-06-01 10:00:00,solvberget,issue,bok-8,2100000017
            2026-11-05 10:00:00,solvberget,issue,bok-3,2100000041
            2026-11-06 10:00:00,solvberget,issue,bok-4,2100000041
            """, 8);
        await Loaded(ImportKind.Events, """
            event_id,title,category,audience,starts_at,branch,organiser
            ev-1,Forfattermøte med Anne B. Ragde,Litteratur,adults,2026-11-05 18:00,solvberget,
            ev-2,Julebokbad,Litteratur,all,2026-11-28 18:00,madla,
            ev-3,Strikkekafé,Kurs,adults,2026-11-12 17:00,madla,
            """, 3);
        await Loaded(ImportKind.Attendance, """
            event_id,time,card_number,email
            ev-1,2026-11-05 17:55,2100000017,
            ev-2,2026-11-20 12:00,2100000017,
            ev-1,2026-11-05 17:56,,per.hansen@example.no
            ev-3,2026-11-12 16:55,2100000041,
            """, 4);
        await Loaded(ImportKind.Wifi, """
            session_id,started_at,ended_at,branch,login_method,card_number,device_id
            w1,2026-11-02 09:00:00,2026-11-02 10:30:00,solvberget,membership,2100000017,a4:5e:60:d1:22:01
            w2,2026-11-02 11:00:00,2026-11-02 11:20:00,solvberget,membership,2100000041,a4:5e:60:d1:22:02
            """, 2);
        await Loaded(ImportKind.DigitalLoans, """
            loan_id,time,card_number,format,title_id
            d1,2026-11-01 20:00:00,2100000017,ebook,isbn:9788203364850
            """, 1);
        await Loaded(ImportKind.Loans, """
            time,branch,type,item_id,card_number
            2026-09-10 10:00:00,sandnes,issue,bok-s1,3100000027
            2026-09-11 10:00:00,sandnes,issue,bok-s2,3100000019
            """, 2, Imports.LibraryB);
    }

    private async Task Loaded(ImportKind kind, string csv, int rows, int? library = null)
    {
        var run = await Imports.ImportAsync(kind, csv, library: library);
        Assert.True(run.RowsLoaded == rows, $"{kind}: {run.RowsLoaded} of {rows} rows loaded; {string.Join("; ", run.Errors.Select(e => $"{e.Line} {e.Column} {e.Reason}"))}");
    }

    private async Task<Guid> PersonOfAsync(string given)
    {
        await using var db = Imports.Database.NewContext();
        return await db.Memberships.Where(m => m.Id == Imports[given].MembershipId).Select(m => m.PersonId).SingleAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _contexts)
        {
            await db.DisposeAsync();
        }

        Imports.Dispose();
    }
}
