using System.Net;
using System.Net.Http.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Members;

/// <summary>
/// Each library is its own controller of personal data (DESIGN.md §3, §4): staff of Stavanger
/// never see or change a Bergen member, through any page or endpoint. Not-found, not forbidden,
/// so the answer does not confirm the person is a member elsewhere.
/// </summary>
public sealed class TenancyTests() : ConsortiumTest(StaffRoles.Desk)
{
    [Fact]
    public async Task Desk_ReadsOwnMember_ButNotOtherLibrarysMember()
    {
        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync($"/api/v1/members/{Data.StavangerMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync($"/api/v1/members/{Data.BergenMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync($"/Members/Details/{Data.StavangerMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync($"/Members/Details/{Data.BergenMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync($"/Members/Edit/{Data.BergenMember.Id}")).StatusCode);
    }

    [Fact]
    public async Task NotFound_IsAReadablePageInTheBrowser_AndProblemDetailsInTheApi()
    {
        var page = await Staff.GetAsync($"/Members/Details/{Data.BergenMember.Id}");
        Assert.Contains("hører ikke til ditt bibliotek", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await Staff.GetAsync($"/api/v1/members/{Data.BergenMember.Id}");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Bergmann", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bergmann")]
    [InlineData("BERG0001")]
    [InlineData("ola.bergmann@example.org")]
    [InlineData("912 34 567")]
    public async Task Search_NeverFindsOtherLibrarysMember(string query)
    {
        var hits = await Staff.GetFromJsonAsync<List<HitDto>>($"/api/v1/members?q={Uri.EscapeDataString(query)}");
        Assert.Empty(hits!);
        var page = await Staff.GetStringAsync($"/Members?q={Uri.EscapeDataString(query)}");
        Assert.DoesNotContain("Ola Bergmann", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Data.BergenMember.Id.ToString(), page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nordmann")]
    [InlineData("STAV0001")]
    [InlineData("KARI.NORDMANN@example.org")]
    [InlineData("412 34 567")]
    public async Task Search_FindsOwnMember_ByNameCardEmailOrMobile(string query)
    {
        var hits = await Staff.GetFromJsonAsync<List<HitDto>>($"/api/v1/members?q={Uri.EscapeDataString(query)}");
        var hit = Assert.Single(hits!);
        Assert.Equal(Data.StavangerMember.Id, hit.PersonId);
    }

    [Fact]
    public async Task Changes_ToOtherLibrarysMember_AreNotFound_AndChangeNothing()
    {
        var bergenMembership = Data.BergenMembership.Id;
        var bergenCard = await App.WithDbAsync(db => Task.FromResult(db.Cards.Single(c => c.LibraryId == Data.Bergen.Id).Id));
        var calls = new (string Method, string Url, object? Body)[]
        {
            ("PUT", $"/api/v1/members/{Data.BergenMember.Id}", new { givenName = "Hacket", familyName = "Bergmann", birthDate = "1979-07-02" }),
            ("PUT", $"/api/v1/memberships/{bergenMembership}/type", new { membershipTypeCode = "STUDENT" }),
            ("POST", $"/api/v1/memberships/{bergenMembership}/cards", new { replaceActive = true }),
            ("POST", $"/api/v1/memberships/{bergenMembership}/block", new { reason = "test" }),
            ("DELETE", $"/api/v1/memberships/{bergenMembership}/block", null),
            ("POST", $"/api/v1/memberships/{bergenMembership}/identity-check", null),
            ("POST", $"/api/v1/memberships/{bergenMembership}/guardian-approval", new { guardianId = Data.BergenMember.Id }),
            ("PUT", $"/api/v1/cards/{bergenCard}/status", new { status = "Blocked" }),
        };
        foreach (var (method, url, body) in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await Staff.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} gave {response.StatusCode}");
        }

        var (name, cards, blocked) = await App.WithDbAsync(async db =>
        {
            var person = await db.People.FindAsync(Data.BergenMember.Id);
            var membership = await db.Memberships.FindAsync(bergenMembership);
            return (person!.GivenName, db.Cards.Count(c => c.LibraryId == Data.Bergen.Id && c.Status == Core.Members.CardStatus.Active), membership!.BlockedAt);
        });
        Assert.Equal("Ola", name);
        Assert.Equal(1, cards);
        Assert.Null(blocked);
    }

    [Fact]
    public async Task DetailsPageActions_OnOtherLibrarysMember_AreNotFound()
    {
        var response = await StaffClient.PostFormAsync(
            Staff,
            $"/Members/Details/{Data.BergenMember.Id}?handler=Block",
            new() { ["membershipId"] = Data.BergenMembership.Id.ToString(), ["reason"] = "x" },
            formPage: $"/Members/Details/{Data.StavangerMember.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record HitDto(Guid PersonId, string FullName);
}
