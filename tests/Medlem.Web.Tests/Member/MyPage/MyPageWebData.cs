using System.Text;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Statistics;
using Medlem.Web.Features.Member.Login;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.MyPage;

/// <summary>
/// The test consortium (Kari of Stavanger, card STAV0001; Ola of Bergen, BERG0001) plus Per, a second
/// Stavanger member (STAV0002), and Lise, a Stavanger child of 10 (STAV0003) with Kari as guardian;
/// all sign in with <see cref="TestConsortium.MemberPin"/>. <see cref="LoadActivityAsync(MedlemApplication)"/> gives
/// Kari and Per loans through the real importer.
/// </summary>
internal sealed class MyPageWebData
{
    public const string PerCard = "STAV0002";
    public const string PerEmail = "per.perlestad@example.org";
    public const string LiseCard = "STAV0003";

    private MyPageWebData(TestConsortium consortium) => Consortium = consortium;

    public TestConsortium Consortium { get; }

    public Guid Per { get; private set; }

    public Guid PerMembership { get; private set; }

    public Guid Lise { get; private set; }

    public Guid LiseMembership { get; private set; }

    public Guid Kari => Consortium.StavangerMember.Id;

    public Guid KariMembership => Consortium.StavangerMembership.Id;

    public Guid OlaMembership => Consortium.BergenMembership.Id;

    /// <summary>What must never appear on Kari's pages: Per's and Ola's names, cards and addresses.</summary>
    public static readonly string[] OthersOfKari = ["Perlestad", PerCard, PerEmail, "Bergmann", "BERG0001", "ola.bergmann@example.org"];

    public static async Task<MyPageWebData> SeedAsync(MedlemApplication app)
    {
        var data = new MyPageWebData(await TestConsortium.SeedAsync(app));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var library = data.Consortium.Stavanger.Id;
        var types = await db.MembershipTypes.Where(t => t.LibraryId == library).ToDictionaryAsync(t => t.Code, t => t.Id);

        var per = Person("Per", "Perlestad", new DateOnly(1970, 6, 1), PerEmail);
        var perMembership = Membership(per.Id, library, types[DefaultMembershipTypes.Codes.Borrower], PerCard);
        per.Memberships.Add(perMembership);
        var lise = Person("Lise", "Nordmann", new DateOnly(2016, 5, 1), null);
        var liseMembership = Membership(lise.Id, library, types[DefaultMembershipTypes.Codes.Child], LiseCard);
        lise.Memberships.Add(liseMembership);
        lise.Guardians.Add(new Guardianship { GuardianId = data.Kari, CreatedAt = MedlemApplication.Now });
        db.People.AddRange(per, lise);
        await db.SaveChangesAsync();

        var credentials = scope.ServiceProvider.GetRequiredService<MemberCredentials>();
        await credentials.SetPinAsync(per.Id, TestConsortium.MemberPin, CancellationToken.None);
        await credentials.SetPinAsync(lise.Id, TestConsortium.MemberPin, CancellationToken.None);
        data.Per = per.Id;
        data.PerMembership = perMembership.Id;
        data.Lise = lise.Id;
        data.LiseMembership = liseMembership.Id;
        return data;
    }

    /// <summary>
    /// Loans through the real importer, at Stavanger's branch "hoved": Kari borrows on 2 and 10 November 2026
    /// and renews on 5 October; Per borrows on 3 November (<see cref="KariActivity"/> counts Kari's).
    /// </summary>
    public Task LoadActivityAsync(MedlemApplication app) => LoadActivityAsync(app, Consortium.Stavanger.Id);

    /// <summary>The same loans into a consortium seeded elsewhere (the browser tests' <see cref="BrowserApp"/>); Per's card matches nobody there.</summary>
    public static async Task LoadActivityAsync(MedlemApplication app, int stavangerId)
    {
        const string loans = """
            time,branch,type,item_id,card_number
            2026-11-02 10:00:00,hoved,issue,bok-101,STAV0001
            2026-11-10 10:00:00,hoved,issue,bok-102,STAV0001
            2026-10-05 10:00:00,hoved,renew,bok-100,STAV0001
            2026-11-03 10:00:00,hoved,issue,bok-201,STAV0002
            """;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedlemDbContext>();
        var run = await new ActivityImporter(db, scope.ServiceProvider.GetRequiredService<StatisticsStore>(), app.Clock).ImportAsync(new ImportRequest
        {
            LibraryId = stavangerId, Kind = ImportKind.Loans, Content = new MemoryStream(Encoding.UTF8.GetBytes(loans)),
            FileName = "utlan.csv", Channel = "cli", RunBy = "test",
        }, ct: TestContext.Current.CancellationToken);
        Assert.Equal(4, run.RowsLoaded);
    }

    /// <summary>Kari's rows above: two loans in November, a renewal in October.</summary>
    public static readonly (DateOnly Month, FactKind Kind, int Count)[] KariActivity =
    [
        (new DateOnly(2026, 10, 1), FactKind.Renewal, 1),
        (new DateOnly(2026, 11, 1), FactKind.Loan, 2),
    ];

    private static Person Person(string given, string family, DateOnly born, string? email) => new()
    {
        Id = Guid.NewGuid(), GivenName = given, FamilyName = family, BirthDate = born, CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
        ContactPoints = email is null ? [] : [new ContactPoint { Kind = ContactKind.Email, Value = email, Verified = true }],
    };

    private static Membership Membership(Guid personId, int library, int type, string card) => new()
    {
        Id = Guid.NewGuid(), PersonId = personId, LibraryId = library, MembershipTypeId = type, Pseudonym = Guid.NewGuid(),
        ValidFrom = new DateOnly(2020, 1, 1), Verification = VerificationLevel.IdentityCheckedAtDesk,
        CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
        Cards = [new LibraryCard { LibraryId = library, Number = card, IssuedOn = new DateOnly(2020, 1, 1) }],
    };
}
