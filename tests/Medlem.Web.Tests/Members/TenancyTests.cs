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
public sealed class TenancyTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;
    private HttpClient _desk = null!;

    public async ValueTask InitializeAsync()
    {
        _data = await TestConsortium.SeedAsync(_app);
        _desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Desk_ReadsOwnMember_ButNotOtherLibrarysMember()
    {
        Assert.Equal(HttpStatusCode.OK, (await _desk.GetAsync($"/api/v1/members/{_data.StavangerMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.GetAsync($"/api/v1/members/{_data.BergenMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _desk.GetAsync($"/Members/Details/{_data.StavangerMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.GetAsync($"/Members/Details/{_data.BergenMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.GetAsync($"/Members/Edit/{_data.BergenMember.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("Bergmann")]
    [InlineData("BERG0001")]
    [InlineData("ola.bergmann@example.org")]
    [InlineData("912 34 567")]
    public async Task Search_NeverFindsOtherLibrarysMember(string query)
    {
        var hits = await _desk.GetFromJsonAsync<List<HitDto>>($"/api/v1/members?q={Uri.EscapeDataString(query)}");
        Assert.Empty(hits!);
        var page = await _desk.GetStringAsync($"/Members?q={Uri.EscapeDataString(query)}");
        Assert.DoesNotContain("Ola Bergmann", page, StringComparison.Ordinal);
        Assert.DoesNotContain(_data.BergenMember.Id.ToString(), page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nordmann")]
    [InlineData("STAV0001")]
    [InlineData("KARI.NORDMANN@example.org")]
    [InlineData("412 34 567")]
    public async Task Search_FindsOwnMember_ByNameCardEmailOrMobile(string query)
    {
        var hits = await _desk.GetFromJsonAsync<List<HitDto>>($"/api/v1/members?q={Uri.EscapeDataString(query)}");
        var hit = Assert.Single(hits!);
        Assert.Equal(_data.StavangerMember.Id, hit.PersonId);
    }

    [Fact]
    public async Task Changes_ToOtherLibrarysMember_AreNotFound_AndChangeNothing()
    {
        var bergenMembership = _data.BergenMembership.Id;
        var bergenCard = await _app.WithDbAsync(db => Task.FromResult(db.Cards.Single(c => c.LibraryId == _data.Bergen.Id).Id));
        var calls = new (string Method, string Url, object? Body)[]
        {
            ("PUT", $"/api/v1/members/{_data.BergenMember.Id}", new { givenName = "Hacket", familyName = "Bergmann", birthDate = "1979-07-02" }),
            ("PUT", $"/api/v1/memberships/{bergenMembership}/type", new { membershipTypeCode = "STUDENT" }),
            ("POST", $"/api/v1/memberships/{bergenMembership}/cards", new { replaceActive = true }),
            ("POST", $"/api/v1/memberships/{bergenMembership}/block", new { reason = "test" }),
            ("DELETE", $"/api/v1/memberships/{bergenMembership}/block", null),
            ("POST", $"/api/v1/memberships/{bergenMembership}/identity-check", null),
            ("POST", $"/api/v1/memberships/{bergenMembership}/guardian-approval", new { guardianId = _data.BergenMember.Id }),
            ("PUT", $"/api/v1/cards/{bergenCard}/status", new { status = "Blocked" }),
        };
        foreach (var (method, url, body) in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await _desk.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} gave {response.StatusCode}");
        }

        var (name, cards, blocked) = await _app.WithDbAsync(async db =>
        {
            var person = await db.People.FindAsync(_data.BergenMember.Id);
            var membership = await db.Memberships.FindAsync(bergenMembership);
            return (person!.GivenName, db.Cards.Count(c => c.LibraryId == _data.Bergen.Id && c.Status == Core.Members.CardStatus.Active), membership!.BlockedAt);
        });
        Assert.Equal("Ola", name);
        Assert.Equal(1, cards);
        Assert.Null(blocked);
    }

    [Fact]
    public async Task DetailsPageActions_OnOtherLibrarysMember_AreNotFound()
    {
        var response = await StaffClient.PostFormAsync(
            _desk,
            $"/Members/Details/{_data.BergenMember.Id}?handler=Block",
            new() { ["membershipId"] = _data.BergenMembership.Id.ToString(), ["reason"] = "x" },
            formPage: $"/Members/Details/{_data.StavangerMember.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record HitDto(Guid PersonId, string FullName);
}
