using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Requests;
using Medlem.Core.Privacy.Restriction;
using Medlem.Statistics;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.MyPage;

/// <summary>
/// /min-side/mine-data: the JSON download holds the member's data and activity counts equal to the facts
/// the real importer loaded; the portability zip holds JSON and CSV; an erasure request reaches the
/// staff queue and shows with its due date; a corrected e-mail address is unverified until confirmed.
/// </summary>
public sealed class MyDataPageTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private MyPageWebData _data = null!;
    private HttpClient _kari = null!;

    public async ValueTask InitializeAsync()
    {
        _data = await MyPageWebData.SeedAsync(_app);
        _kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheJsonDownload_HoldsKarisDataAndHerActivityCounts_EqualToTheImportedFacts()
    {
        await _data.LoadActivityAsync(_app);

        var response = await _kari.GetAsync("/min-side/mine-data?handler=Json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("mine-data-2026-11-28.json", response.Content.Headers.ContentDisposition!.FileName);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var library = Assert.Single(json.RootElement.GetProperty("libraries").EnumerateArray());
        Assert.Equal("stavanger", library.GetProperty("controller").GetProperty("code").GetString());
        var person = library.GetProperty("person");
        Assert.Equal(("Kari", "Nordmann", "1985-03-14"), (person.GetProperty("givenName").GetString(), person.GetProperty("familyName").GetString(), person.GetProperty("birthDate").GetString()));
        Assert.Contains(library.GetProperty("contactPoints").EnumerateArray(), c => c.GetProperty("value").GetString() == "kari.nordmann@example.org");
        Assert.Equal("STAV0001", library.GetProperty("memberships")[0].GetProperty("cards")[0].GetProperty("number").GetString());

        // Kari's three rows of MyPageWebData: 2 loans in November, 1 renewal in October; Per's loan is not hers.
        Assert.Equal(3, library.GetProperty("activity").GetArrayLength());
        var counts = json.RootElement.GetProperty("activityPerMonth").EnumerateArray()
            .Select(c => (DateOnly.Parse(c.GetProperty("month").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Enum.Parse<FactKind>(c.GetProperty("kind").GetString()!), c.GetProperty("count").GetInt32()))
            .OrderBy(c => c.Item1).ToArray();
        Assert.Equal(MyPageWebData.KariActivity, counts);
        Assert.DoesNotContain("Perlestad", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePortabilityZip_HoldsJsonAndCsv_OfHerLibrary()
    {
        await _data.LoadActivityAsync(_app);

        var response = await _kari.GetAsync("/min-side/mine-data?handler=Portability&bibliotek=stavanger", TestContext.Current.CancellationToken);

        Assert.Equal("dataportabilitet-stavanger-2026-11-28.zip", response.Content.Headers.ContentDisposition!.FileName);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["activity.csv", "activity.json", "person.csv", "person.json"], zip.Entries.Select(e => e.FullName).Order());
        using var csv = new StreamReader(zip.GetEntry("activity.csv")!.Open());
        var lines = (await csv.ReadToEndAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 3, lines.Length); // header and Kari's three facts
    }

    [Fact]
    public async Task AnErasureRequest_ReachesTheStaffQueue_AndShowsWithItsDueDate()
    {
        var response = await StaffClient.PostFormAsync(_kari, "/min-side/mine-data/foresporsel",
            new() { ["type"] = "Erasure", ["MembershipId"] = _data.KariMembership.ToString(), ["Description"] = "Jeg flytter." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await _app.WithDbAsync(db => db.PrivacyRequests.SingleAsync(TestContext.Current.CancellationToken));
        // Signed in with card and PIN: the desk must verify the identity first (DESIGN.md §4, art. 12(6)).
        Assert.Equal((_data.Consortium.Stavanger.Id, (Guid?)_data.Kari, RequestKind.Erasure, RequestChannel.MemberPage, RequestStatus.Received, RequestVerification.None, new DateOnly(2026, 12, 28)),
            (request.LibraryId, request.PersonId, request.Kind, request.Channel, request.Status, request.Verification, request.DueOn));

        var page = await _kari.GetStringAsync("/min-side/mine-data", TestContext.Current.CancellationToken);
        Assert.Contains("Forespørselen om sletting er mottatt (1 bibliotek). Svarfrist: 28. desember 2026.", page, StringComparison.Ordinal);
        Assert.Contains("Mottatt, venter på at identiteten din bekreftes", page, StringComparison.Ordinal);

        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var queue = await desk.GetStringAsync("/Privacy/Requests", TestContext.Current.CancellationToken);
        Assert.Contains($"/Privacy/Requests/Details/{request.Id}", queue, StringComparison.Ordinal);
        Assert.Contains("Kari Nordmann", queue, StringComparison.Ordinal);
        var bergen = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);
        Assert.DoesNotContain(request.Id.ToString(), await bergen.GetStringAsync("/Privacy/Requests", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARectificationWithoutWords_IsRefusedBesideTheField()
    {
        var response = await StaffClient.PostFormAsync(_kari, "/min-side/mine-data/foresporsel",
            new() { ["type"] = "Rectification", ["MembershipId"] = "", ["Description"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"error\" id=\"Description-error\">Skriv hva som er feil, eller hva du protesterer mot.</p>",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.PrivacyRequests.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task CorrectingTheEmail_MarksItUnverified_SendsALinkToTheNewAddress_ThatConfirmsIt()
    {
        var response = await StaffClient.PostFormAsync(_kari, "/min-side/mine-data/endre", new()
        {
            ["Form.GivenName"] = "Kari", ["Form.FamilyName"] = "Nordmann", ["Form.Email"] = "kari.ny@example.org", ["Form.Mobile"] = "+4741234567",
            ["Form.Street"] = "Kirkegata 2", ["Form.PostalCode"] = "4006", ["Form.City"] = "Stavanger", ["Form.Country"] = "NO", ["Form.PreferredLanguage"] = "Nb",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contacts = await _app.WithDbAsync(db => db.ContactPoints.Where(c => c.PersonId == _data.Kari).ToListAsync(TestContext.Current.CancellationToken));
        var email = Assert.Single(contacts, c => c.Kind == ContactKind.Email);
        Assert.Equal(("kari.ny@example.org", false), (email.Value, email.Verified));
        Assert.True(Assert.Single(contacts, c => c.Kind == ContactKind.Mobile).Value == "+4741234567");
        Assert.Contains("Vi har sendt en lenke til den nye e-postadressen", await _kari.GetStringAsync("/min-side/mine-data", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("E-postadressen din er ikke bekreftet.", await _kari.GetStringAsync("/min-side", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The link mailed to the new address (no SMTP host here: the pickup folder) confirms it.
        var mail = await PickedUpMailAsync("kari.ny@example.org");
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+").Value);
        Assert.Equal("/bekreft-epost", link.AbsolutePath);
        await Join.JoinFlow.ConfirmAsync(_kari, link);
        Assert.True(await _app.WithDbAsync(db => db.ContactPoints.AnyAsync(c => c.PersonId == _data.Kari && c.Value == "kari.ny@example.org" && c.Verified)));
    }

    private async Task<MimeKit.MimeMessage> PickedUpMailAsync(string to)
    {
        var folder = Path.Combine(_app.DataDirectory, "mail");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == to))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No mail to {to} was written.");
    }

    [Fact]
    public async Task InvalidDetails_AreShownBesideTheirFields_AndNothingChanges()
    {
        var response = await StaffClient.PostFormAsync(_kari, "/min-side/mine-data/endre", new()
        {
            ["Form.GivenName"] = "Kari", ["Form.FamilyName"] = "", ["Form.Email"] = "ikke-en-adresse", ["Form.PreferredLanguage"] = "Nb",
        });

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"error\" id=\"Form_Email-error\">Ikke en gyldig e-postadresse.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"Form_FamilyName-error\">Må fylles ut.</p>", html, StringComparison.Ordinal);
        Assert.Equal("Nordmann", await _app.WithDbAsync(db => db.People.Where(p => p.Id == _data.Kari).Select(p => p.FamilyName).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ARestrictionAndAHold_ThatTheDeskRecorded_AreShownToTheMember()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var restrictions = scope.ServiceProvider.GetRequiredService<Restrictions>();
            var ct = TestContext.Current.CancellationToken;
            Assert.True((await restrictions.LimitAsync(_data.Consortium.Stavanger.Id, _data.KariMembership, ProcessingLimit.Restricted, ct)).Succeeded);
            Assert.True((await restrictions.AddHoldAsync(_data.Consortium.Stavanger.Id, _data.KariMembership, LegalHoldKind.UnpaidFee, "FAKTURA-1042", 350m, ct)).Succeeded);
        }

        var home = await _kari.GetStringAsync("/min-side", TestContext.Current.CancellationToken);
        Assert.Contains("Begrenset (art. 18): opplysningene lagres, men brukes ikke", home, StringComparison.Ordinal);
        var data = await _kari.GetStringAsync("/min-side/mine-data", TestContext.Current.CancellationToken);
        Assert.Contains("Låner: Begrenset (art. 18): opplysningene lagres, men brukes ikke (fra 28.11.2026 12:00).", data, StringComparison.Ordinal);
        Assert.Contains("Låner: Ubetalt erstatningskrav FAKTURA-1042, registrert 28.11.2026 12:00, ikke gjort opp.", data, StringComparison.Ordinal);
    }
}
