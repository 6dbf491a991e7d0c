using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Features.Member.Card;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.Card;

/// <summary>
/// POST /api/v1/cards/verify: the desk and customer care of the card's library learn the membership's status, type
/// and benefits, and nothing that names the holder; every other role is refused, another library's desk finds
/// nothing, and expired, forged or changed tokens and lost cards are each a clear problem that changes nothing.
/// </summary>
public sealed class VerifyCardApiTests : IAsyncLifetime
{
    private const string Verify = "/api/v1/cards/verify";

    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;

    public async ValueTask InitializeAsync() => _data = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, string query = "") =>
        client.PostAsJsonAsync(Verify + query, new { token });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(type, problem.GetProperty("type").GetString());
        return problem;
    }

    [Theory]
    [InlineData(StaffRoles.Desk)]
    [InlineData(StaffRoles.CustomerCare)]
    public async Task DeskAndCustomerCare_OfTheCardsLibrary_GetStatusTypeAndBenefits_AndNothingThatNamesTheHolder(StaffRoles role)
    {
        var staff = await StaffClient.LoginAsync(_app, "stavanger", role);

        var response = await PostAsync(staff, await _app.TokenAsync("STAV0001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(body).RootElement;
        // Kari: valid since 2020, last use 2026-10-01, today 2026-11-28: active, in force.
        Assert.Equal(["inForce", "status", "membershipTypeCode", "membershipType", "benefits"], answer.EnumerateObject().Select(p => p.Name));
        Assert.True(answer.GetProperty("inForce").GetBoolean());
        Assert.Equal("Active", answer.GetProperty("status").GetString());
        Assert.Equal(DefaultMembershipTypes.Codes.Borrower, answer.GetProperty("membershipTypeCode").GetString());
        Assert.Equal("Låner", answer.GetProperty("membershipType").GetString());
        Assert.Contains("PhysicalLoans", answer.GetProperty("benefits").EnumerateArray().Select(b => b.GetString()));
        Assert.Contains("InterlibraryLoans", answer.GetProperty("benefits").EnumerateArray().Select(b => b.GetString()));
        foreach (var identifying in new[] { "Kari", "Nordmann", "1985", "STAV0001", "kari.nordmann", "41234567", _data.StavangerMember.Id.ToString() })
        {
            Assert.DoesNotContain(identifying, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(StaffRoles.Analyst)]
    [InlineData(StaffRoles.DataProtectionOfficer)]
    [InlineData(StaffRoles.Administrator)]
    public async Task OtherRoles_AreForbidden_AndNothingIsAudited(StaffRoles role)
    {
        var staff = await StaffClient.LoginAsync(_app, "stavanger", role);

        var response = await PostAsync(staff, await _app.TokenAsync("STAV0001"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _app.AuditEntriesAsync(AuditPurposes.ApiCardsVerify));
    }

    [Fact]
    public async Task Strangers_AndSignedInMembers_AreUnauthorised()
    {
        var token = await _app.TokenAsync("STAV0001");
        var stranger = _app.CreateClient(new() { AllowAutoRedirect = false });
        var member = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(stranger, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(member, token)).StatusCode);
    }

    [Fact]
    public async Task ACheck_IsAudited_WithTheDeskMemberAndTheMembership_AndChangesNothing()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var before = await _app.RegisterSnapshotAsync();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(desk, await _app.TokenAsync("STAV0001"))).StatusCode);

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Purpose == AuditPurposes.ApiCardsVerify));
        var deskAccount = await _app.WithDbAsync(db => db.StaffAccounts.SingleAsync(a => a.UserName == TestConsortium.UserName("stavanger", StaffRoles.Desk)));
        Assert.Equal((_data.StavangerMember.Id, _data.StavangerMembership.Id), (entry.PersonId, entry.MembershipId));
        Assert.Equal((deskAccount.Id, _data.Stavanger.Id, AuditAction.Read), (entry.StaffAccountId, entry.LibraryId, entry.Action));
        Assert.Equal(before, await _app.RegisterSnapshotAsync());
    }

    [Fact]
    public async Task AnotherLibrarysDesk_FindsNothing_AndNothingIsAudited()
    {
        var bergenDesk = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);

        var response = await PostAsync(bergenDesk, await _app.TokenAsync("STAV0001"));

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound, CardsApi.CardNotFoundType);
        Assert.Equal("Kortet finnes ikke i dette biblioteket.", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Stavanger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _app.AuditEntriesAsync(AuditPurposes.ApiCardsVerify));
    }

    [Fact]
    public async Task ATokenNamingThisLibrary_ForAnotherLibrarysCard_FindsNothing()
    {
        // Defence in depth: even a token that said "Stavanger" for Ola's Bergen card is checked against the register.
        var olasCard = await _app.CardAsync("BERG0001");
        var token = _app.Services.GetRequiredService<CardTokens>().Issue(olasCard.Id, _data.Stavanger.Id).Token;
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);

        await ProblemAsync(await PostAsync(desk, token), HttpStatusCode.NotFound, CardsApi.CardNotFoundType);
        Assert.Equal(0, await _app.AuditEntriesAsync(AuditPurposes.ApiCardsVerify));
    }

    [Fact]
    public async Task AnExpiredToken_IsRefusedAsExpired_AfterItsFiveMinutes()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var token = await _app.TokenAsync("STAV0001");
        _app.Clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(desk, token)).StatusCode);
        var audited = await _app.AuditEntriesAsync(AuditPurposes.ApiCardsVerify);

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var problem = await ProblemAsync(await PostAsync(desk, token), HttpStatusCode.BadRequest, CardsApi.ExpiredTokenType);

        Assert.Equal("QR-koden er utløpt. Be medlemmet åpne lånekortet på nytt.", problem.GetProperty("title").GetString());
        Assert.Equal(audited, await _app.AuditEntriesAsync(AuditPurposes.ApiCardsVerify));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("STAV0001")]
    [InlineData("CfDJ8Ml2dm9lc3RlIGVyIGlra2UgZWt0ZQ")]
    public async Task AForgedToken_IsRefusedAsInvalid_AndChangesNothing(string? token)
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var before = await _app.RegisterSnapshotAsync();

        var problem = await ProblemAsync(await PostAsync(desk, token), HttpStatusCode.BadRequest, CardsApi.InvalidTokenType);

        Assert.Equal("QR-koden er ikke et gyldig lånekort fra Medlem.", problem.GetProperty("title").GetString());
        Assert.Equal(before, await _app.RegisterSnapshotAsync());
        Assert.Equal(0, await _app.AuditEntriesAsync(AuditPurposes.ApiCardsVerify));
    }

    [Fact]
    public async Task AChangedToken_IsRefusedAsInvalid_InTheReadersLanguage()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var bytes = WebEncoders.Base64UrlDecode(await _app.TokenAsync("STAV0001"));
        bytes[^20] ^= 0x40;

        var problem = await ProblemAsync(await PostAsync(desk, WebEncoders.Base64UrlEncode(bytes), "?ui-culture=en"), HttpStatusCode.BadRequest, CardsApi.InvalidTokenType);

        Assert.Equal("The QR code is not a valid Medlem library card.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(CardStatus.Lost)]
    [InlineData(CardStatus.Blocked)]
    public async Task ALostOrBlockedCard_IsAConflict_NamingTheCardStatus(CardStatus status)
    {
        var token = await _app.TokenAsync("STAV0001");
        await _app.WithDbAsync(async db =>
        {
            var card = await db.Cards.SingleAsync(c => c.Number == "STAV0001");
            card.Status = status;
            return await db.SaveChangesAsync();
        });
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var before = await _app.RegisterSnapshotAsync();

        var problem = await ProblemAsync(await PostAsync(desk, token), HttpStatusCode.Conflict, CardsApi.CardNotActiveType);

        Assert.Equal(status.ToString(), problem.GetProperty("cardStatus").GetString());
        Assert.Equal("Kortet er meldt tapt eller sperret.", problem.GetProperty("title").GetString());
        Assert.Equal(before, await _app.RegisterSnapshotAsync());
    }

    [Fact]
    public async Task ABlockedMembership_IsAnsweredAsBlocked_NotInForce()
    {
        await _app.WithDbAsync(async db =>
        {
            var membership = await db.Memberships.SingleAsync(m => m.Id == _data.StavangerMembership.Id);
            membership.BlockedAt = MedlemApplication.Now;
            membership.BlockReason = "Ubetalt erstatning";
            return await db.SaveChangesAsync();
        });
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);

        var response = await PostAsync(desk, await _app.TokenAsync("STAV0001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Blocked", answer.GetProperty("status").GetString());
        Assert.False(answer.GetProperty("inForce").GetBoolean());
        Assert.DoesNotContain("Ubetalt", body, StringComparison.Ordinal); // the reason is staff's note, not the scanner's business
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheCheck_AndItsProblems()
    {
        var document = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var post = document.GetProperty("paths").GetProperty(Verify).GetProperty("post");
        var responses = post.GetProperty("responses");
        foreach (var status in new[] { "200", "400", "404", "409" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"POST {Verify} must document {status}");
        }

        Assert.Contains(CardsApi.ExpiredTokenType, post.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
