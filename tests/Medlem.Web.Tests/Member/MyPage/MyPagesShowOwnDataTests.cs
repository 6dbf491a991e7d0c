using System.Net;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Member.MyPage;

/// <summary>
/// Every page of "Min side" shows the signed-in member's own data and never another person's: Kari
/// (Stavanger) against Per (the same library) and Ola (Bergen), and the other way round.
/// </summary>
public sealed class MyPagesShowOwnDataTests : IAsyncLifetime
{
    /// <summary>Each page, and what shows that it is Kari's or Ola's own.</summary>
    public static readonly TheoryData<string, string, string> Pages = new()
    {
        { "/min-side", "Stavanger bibliotek: Låner", "Bergen offentlige bibliotek: Låner" },
        { "/min-side/aktivitet", "Bruk per måned, Stavanger bibliotek", "Bruk per måned, Bergen offentlige bibliotek" },
        { "/min-side/aktivitet?maaneder=24", "Stavanger bibliotek, siste 24 måneder", "Bergen offentlige bibliotek, siste 24 måneder" },
        { "/min-side/samtykker", "medlemskapet ditt i Stavanger bibliotek", "medlemskapet ditt i Bergen offentlige bibliotek" },
        { "/min-side/mine-data", "kari.nordmann@example.org", "ola.bergmann@example.org" },
        { "/min-side/mine-data/endre", "value=\"kari.nordmann@example.org\"", "value=\"ola.bergmann@example.org\"" },
        { "/min-side/mine-data/foresporsel", "Stavanger bibliotek – Låner", "Bergen offentlige bibliotek – Låner" },
    };

    private readonly MedlemApplication _app = new();
    private MyPageWebData _data = null!;

    public async ValueTask InitializeAsync()
    {
        _data = await MyPageWebData.SeedAsync(_app);
        await _data.LoadActivityAsync(_app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task KarisPage_ShowsHerOwnData_AndNothingOfPerOrOla(string path, string kariMarker, string olaMarker)
    {
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        var response = await kari.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(kariMarker, html, StringComparison.Ordinal);
        Assert.DoesNotContain(olaMarker, html, StringComparison.Ordinal);
        Assert.All(MyPageWebData.OthersOfKari, other => Assert.DoesNotContain(other, html, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Bergen offentlige bibliotek", html, StringComparison.Ordinal); // Kari is no member there
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task OlasPage_ShowsHisOwnData_AndNothingOfKari(string path, string kariMarker, string olaMarker)
    {
        var ola = await MemberClient.LoginAsync(_app, "bergen", "BERG0001");

        var html = await ola.GetStringAsync(path, TestContext.Current.CancellationToken);

        Assert.Contains(olaMarker, html, StringComparison.Ordinal);
        Assert.DoesNotContain(kariMarker, html, StringComparison.Ordinal);
        Assert.All(["Kari", "STAV0001", "kari.nordmann@example.org", "41234567", "Stavanger bibliotek"], other => Assert.DoesNotContain(other, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOverview_ShowsKarisMembershipCardAndEmptyEvents_TheDataPageHerDetails()
    {
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        var home = await kari.GetStringAsync("/min-side", TestContext.Current.CancellationToken);
        Assert.Contains("Hei, Kari", home, StringComparison.Ordinal);
        Assert.Contains("Stavanger bibliotek: Låner", home, StringComparison.Ordinal);
        Assert.Contains("STAV0001 (Aktivt)", home, StringComparison.Ordinal);
        Assert.Contains("fra 1. januar 2020, uten sluttdato", home, StringComparison.Ordinal);
        Assert.Contains("Lån av fysiske medier", home, StringComparison.Ordinal); // a borrower's benefit
        Assert.Contains("Biblioteket har ikke registrert noen påmelding eller deltakelse fra deg på arrangementer ennå.", home, StringComparison.Ordinal);
        Assert.Contains("nyhetsbrev på e-post: av", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/personvern/stavanger\"", home, StringComparison.Ordinal);

        var data = await kari.GetStringAsync("/min-side/mine-data", TestContext.Current.CancellationToken);
        Assert.Contains("Kari Nordmann", data, StringComparison.Ordinal);
        Assert.Contains("kari.nordmann@example.org", data, StringComparison.Ordinal);
        Assert.Contains("14. mars 1985", data, StringComparison.Ordinal);
        Assert.Contains("Lise Nordmann", data, StringComparison.Ordinal); // the child she is guardian of is her data too
    }

    [Fact]
    public async Task Activity_ShowsKarisCountsPerMonth_InNorwegian()
    {
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        var html = await kari.GetStringAsync("/min-side/aktivitet", TestContext.Current.CancellationToken);

        // MyPageWebData: two loans in November, one renewal in October; the columns are loans, renewals, events, wifi, digital.
        Assert.Matches(@"<th scope=""row"">november 2026</th>\s*<td class=""num"">2</td>\s*<td class=""num"">0</td>", html);
        Assert.Matches(@"<th scope=""row"">oktober 2026</th>\s*<td class=""num"">0</td>\s*<td class=""num"">1</td>", html);
        Assert.Matches(@"<th scope=""row"">desember 2025</th>", html); // twelve months back, the oldest
        Assert.DoesNotMatch(@"<th scope=""row"">november 2025</th>", html);
        Assert.DoesNotContain("bok-101", html, StringComparison.Ordinal); // no reading history: counts only
    }

    [Fact]
    public async Task Strangers_AndStaff_AreSentToTheMemberSignIn()
    {
        var stranger = _app.CreateClient(new() { AllowAutoRedirect = false });
        var staff = await StaffClient.LoginAsync(_app, "stavanger", Core.Consortium.StaffRoles.Desk);

        foreach (var client in new[] { stranger, staff })
        {
            var response = await client.GetAsync("/min-side/mine-data?handler=Json", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/logg-inn?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public async Task EveryPage_HasItsTextsInBothLanguages_WithAConsentAndARequestOnRecord(string language)
    {
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
        await StaffClient.PostFormAsync(kari, "/min-side/samtykker",
            new() { ["membershipId"] = _data.KariMembership.ToString(), ["purpose"] = "ReadingHistory", ["given"] = "true", ["textVersion"] = "1" });
        await StaffClient.PostFormAsync(kari, "/min-side/mine-data/foresporsel", new() { ["type"] = "Restriction", ["MembershipId"] = "" });

        foreach (var path in Pages.Select(p => p.Data.Item1))
        {
            var html = await kari.GetStringAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "ui-culture=" + language, TestContext.Current.CancellationToken);
            // A missing text shows as its key (JsonTexts), so no key of these pages may appear.
            Assert.DoesNotMatch(@"\b(mypage|consent|request|restriction|status|benefit|card|audit|language|contact|verification)\.[A-Za-z-]+", html.Split("<main")[1].Split("</main>")[0]);
        }
    }
}
