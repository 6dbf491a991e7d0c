using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Activity;
using Medlem.Core.Consortium;
using Medlem.Core.Insight;
using Medlem.Statistics;
using Medlem.Web.Tests.Imports;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Privacy;

/// <summary>
/// One person with every kind of identifier, registered at the Stavanger desk through the API,
/// linked to a Koha borrowernumber and given activity through real Koha uploads (patrons, then the
/// statistics table), with the roster copied to the statistics store. Tiny on purpose: three loans.
/// </summary>
internal sealed class PrivacyScenario
{
    public const string GivenName = "Sigrunn";
    public const string FamilyName = "Slettemoen";
    public const string Email = "sigrunn.slettemoen@example.org";
    public const string Mobile = "93456781";
    public const string Card = "SLETT24680";
    public const string Street = "Sletteveien 17";

    /// <summary>Skatteetaten's synthetic test number for 12 October 1952 (month + 80), as in Core's TestMembers.</summary>
    public const string Nin = "12905299938";
    public const string Borrowernumber = "55501234";
    public const int Loans = 3;

    private PrivacyScenario(TestConsortium data, HttpClient desk, Guid personId, Guid membershipId, Guid pseudonym)
    {
        Data = data;
        Desk = desk;
        PersonId = personId;
        MembershipId = membershipId;
        Pseudonym = pseudonym;
    }

    public TestConsortium Data { get; }
    public HttpClient Desk { get; }
    public Guid PersonId { get; }
    public Guid MembershipId { get; }
    public Guid Pseudonym { get; }

    /// <summary>Every identifier of the person, as text: what an erasure must leave nowhere.</summary>
    public string[] Identifiers => [GivenName, FamilyName, Email, Mobile, Card, Nin, Borrowernumber, Street, Pseudonym.ToString()];

    public static async Task<PrivacyScenario> CreateAsync(MedlemApplication app)
    {
        var data = await TestConsortium.SeedAsync(app);
        var desk = await StaffClient.LoginAsync(app, "stavanger", StaffRoles.Desk);
        var created = await desk.PostAsJsonAsync("/api/v1/members", new
        {
            givenName = GivenName, familyName = FamilyName, birthDate = "1952-10-12", nationalIdentityNumber = Nin,
            address = new { street = Street, postalCode = "4006", city = "Stavanger", country = "NO" },
            email = Email, mobile = Mobile, membershipTypeCode = "VOKSEN", verification = "IdentityCheckedAtDesk", cardNumber = Card,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var personId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (membershipId, pseudonym) = await app.WithDbAsync(db => db.Memberships.Where(m => m.PersonId == personId)
            .Select(m => new ValueTuple<Guid, Guid>(m.Id, m.Pseudonym)).SingleAsync());

        var analyst = await StaffClient.LoginAsync(app, "stavanger", StaffRoles.Analyst);
        await UploadAsync(analyst, "patrons", "laanere.csv",
            "borrowernumber,cardnumber,surname,firstname\n" + $"{Borrowernumber},{Card},{FamilyName},{GivenName}\n");
        await UploadAsync(analyst, "loans", "statistikk.csv", string.Join("\n",
            "datetime,branch,value,type,other,itemnumber,itemtype,location,borrowernumber,ccode,categorycode,interface",
            $"2026-11-02 10:15:00,hoved,0.000000,issue,,48211,BOK,VOKSEN,{Borrowernumber},ROMAN,V,intranet",
            $"2026-11-10 12:00:00,hoved,0.000000,issue,,48212,BOK,VOKSEN,{Borrowernumber},KRIM,V,intranet",
            $"2026-11-20 16:30:00,hoved,0.000000,issue,,48213,DVD,VOKSEN,{Borrowernumber},FILM,V,intranet",
            "2026-11-21 09:00:00,hoved,0.000000,issue,,48214,BOK,VOKSEN,99999999,ROMAN,V,intranet") + "\n");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RosterSync>().RefreshAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
        }

        return new PrivacyScenario(data, desk, personId, membershipId, pseudonym);
    }

    /// <summary>
    /// A rejected row of the kind the importer writes for one of the person's cards: the mask
    /// (first two and last two characters), never the number.
    /// </summary>
    public async Task<long> AddRejectedRowAsync(MedlemApplication app) => await app.WithDbAsync(async db =>
    {
        var run = new ImportRun
        {
            LibraryId = Data.Stavanger.Id, Kind = ImportKind.Loans, Channel = "web", FileName = "avvist.csv", FileHash = "", RunBy = "analyst.stavanger",
            State = ImportState.Completed, StartedAt = MedlemApplication.Now, RowsRead = 1, RowsRejected = 1,
            Errors = [new ImportRowError { Line = 2, Column = "card_number", Value = "SL••••••80", Reason = ImportReasons.Card }],
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Errors[0].Id;
    });

    public static async Task<T> WithStoreAsync<T>(MedlemApplication app, Func<DuckDB.NET.Data.DuckDBConnection, Task<T>> read)
    {
        await using var connection = await app.Services.GetRequiredService<StatisticsStore>().OpenAsync(TestContext.Current.CancellationToken);
        return await read(connection);
    }

    private static async Task UploadAsync(HttpClient analyst, string kind, string file, string content)
    {
        var response = await ImportTestClient.UploadAsync(analyst, kind, file, content, format: "koha");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
