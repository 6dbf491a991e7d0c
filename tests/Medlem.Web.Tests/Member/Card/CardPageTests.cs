using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Medlem.Core.Consortium;
using Medlem.Core.Members;
using Medlem.Core.Members.Cards;
using Medlem.Web.Features.Member.Card;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Card;

/// <summary>
/// /min-side/kort: each of the signed-in person's active cards with its barcode and a QR code whose token the desk
/// accepts; a fresh token for the person's own cards only; and reporting a card lost, which blocks the old number
/// and shows a new one, for the person's own card only and only with the form's antiforgery token.
/// </summary>
public sealed partial class CardPageTests : IAsyncLifetime
{
    private const string Page = "/min-side/kort";

    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;
    private HttpClient _kari = null!;

    public async ValueTask InitializeAsync()
    {
        _data = await TestConsortium.SeedAsync(_app);
        _kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ThePage_ShowsTheCard_WithItsBarcodeAndAQrCode()
    {
        var html = await _kari.GetStringAsync(Page);

        Assert.Contains("<h1>Digitalt lånekort</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Stavanger bibliotek", html, StringComparison.Ordinal);
        Assert.Contains("Låner", html, StringComparison.Ordinal);
        // The barcode is Code 128 of the card number, exactly as the encoder draws it (Code128Tests check the encoder).
        Assert.Contains(Code128Svg.Render(Code128.Encode("STAV0001"), "Strekkode for lånenummer STAV0001"), html, StringComparison.Ordinal);
        // The QR code: QRCoder's SVG of a version 8 code (49 modules) with its quiet zone of 4 on each side.
        Assert.Matches(QrSvg(), html);
        Assert.Contains("data-expires-in=\"300\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/card.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal); // CSP: no inline script
        // Not Ola's card, from the other library.
        Assert.DoesNotContain("BERG0001", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APersonWithCardsInTwoLibraries_SeesBoth_ButNotALostCard()
    {
        await _app.WithDbAsync(async db =>
        {
            var bergenType = await db.MembershipTypes.SingleAsync(t => t.LibraryId == _data.Bergen.Id && t.Code == DefaultMembershipTypes.Codes.Digital);
            db.Memberships.Add(new Membership
            {
                Id = Guid.NewGuid(), PersonId = _data.StavangerMember.Id, LibraryId = _data.Bergen.Id, MembershipTypeId = bergenType.Id,
                Pseudonym = Guid.NewGuid(), ValidFrom = new DateOnly(2025, 1, 1), Verification = VerificationLevel.EmailVerified,
                CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
                Cards =
                [
                    new LibraryCard { LibraryId = _data.Bergen.Id, Number = "BERG0002", IssuedOn = new DateOnly(2025, 1, 1) },
                    new LibraryCard { LibraryId = _data.Bergen.Id, Number = "BERG0003", IssuedOn = new DateOnly(2024, 1, 1), Status = CardStatus.Lost },
                ],
            });
            return await db.SaveChangesAsync();
        });

        var html = await _kari.GetStringAsync(Page);

        Assert.Contains("Bergen offentlige bibliotek", html, StringComparison.Ordinal);
        Assert.Contains("Digitalt medlem", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Strekkode for lånenummer BERG0002\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Strekkode for lånenummer STAV0001\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("BERG0003", html, StringComparison.Ordinal);
        Assert.Equal(2, QrSvg().Count(html));
    }

    [Fact]
    public async Task ThePage_IsInEnglish_OnRequest()
    {
        var html = await _kari.GetStringAsync(Page + "?ui-culture=en");

        Assert.Contains("<h1>Digital library card</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Borrower", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Barcode of card number STAV0001\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFreshToken_ForTheOwnCard_IsAcceptedAtTheDesk_AndNeverCached()
    {
        var card = await _app.CardAsync("STAV0001");

        var response = await _kari.GetAsync($"{Page}?handler=Token&card={card.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var token = answer.GetProperty("token").GetString()!;
        Assert.Equal(300, answer.GetProperty("expiresIn").GetInt32());
        // The QR code drawn is the token's (QRCoder draws the same text the same way).
        Assert.Equal(CardQr.Svg(token, "QR-kode for det digitale lånekortet"), answer.GetProperty("svg").GetString());
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var check = await desk.PostAsJsonAsync("/api/v1/cards/verify", new { token });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
    }

    [Fact]
    public async Task AToken_ForSomeoneElsesCard_IsNotFound()
    {
        var olasCard = await _app.CardAsync("BERG0001");

        var response = await _kari.GetAsync($"{Page}?handler=Token&card={olasCard.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("class=\"qr\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportingTheCardLost_AsksFirst_ThenBlocksTheOldNumber_AndShowsANewOne()
    {
        var card = await _app.CardAsync("STAV0001");
        var confirm = await _kari.GetStringAsync($"{Page}?tapt={card.Id}");
        Assert.Contains("Meld kortet tapt?", confirm, StringComparison.Ordinal);
        Assert.Contains("Lånekortet STAV0001 hos Stavanger bibliotek blir sperret", confirm, StringComparison.Ordinal);
        Assert.Equal(CardStatus.Active, (await _app.CardAsync("STAV0001")).Status); // asking changes nothing

        var response = await StaffClient.PostFormAsync(_kari, $"{Page}?handler=ReportLost", new() { ["card"] = card.Id.ToString(CultureInfo.InvariantCulture) }, $"{Page}?tapt={card.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?nytt=true", response.Headers.Location?.OriginalString);
        Assert.Equal(CardStatus.Lost, (await _app.CardAsync("STAV0001")).Status);
        var replacement = await _app.WithDbAsync(db => db.Cards.SingleAsync(c => c.MembershipId == _data.StavangerMembership.Id && c.Status == CardStatus.Active));
        var html = await _kari.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Det gamle kortet er sperret.", html, StringComparison.Ordinal);
        Assert.Contains(Code128Svg.Render(Code128.Encode(replacement.Number), $"Strekkode for lånenummer {replacement.Number}"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("STAV0001", html, StringComparison.Ordinal);
        // The old number no longer signs in, and its QR token no longer passes at the desk.
        var signIn = await MemberClient.PostCardLoginAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), "stavanger", "STAV0001", TestConsortium.MemberPin);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var oldToken = await _app.TokenAsync("STAV0001");
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync("/api/v1/cards/verify", new { token = oldToken })).StatusCode);
    }

    [Fact]
    public async Task ReportingSomeoneElsesCardLost_ChangesNothing()
    {
        var olasCard = await _app.CardAsync("BERG0001");
        var before = await _app.RegisterSnapshotAsync();

        var confirm = await _kari.GetStringAsync($"{Page}?tapt={olasCard.Id}");
        var response = await StaffClient.PostFormAsync(_kari, $"{Page}?handler=ReportLost", new() { ["card"] = olasCard.Id.ToString(CultureInfo.InvariantCulture) }, Page);

        Assert.DoesNotContain("Meld kortet tapt?", confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("BERG0001", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page, response.Headers.Location?.OriginalString);
        Assert.Equal(before, await _app.RegisterSnapshotAsync());
    }

    [Fact]
    public async Task ReportingLost_WithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var card = await _app.CardAsync("STAV0001");
        var before = await _app.RegisterSnapshotAsync();

        var response = await _kari.PostAsync($"{Page}?handler=ReportLost", new FormUrlEncodedContent(new Dictionary<string, string> { ["card"] = card.Id.ToString(CultureInfo.InvariantCulture) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _app.RegisterSnapshotAsync());
    }

    [Fact]
    public async Task StaffAndStrangers_AreSentToTheMemberSignIn()
    {
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var stranger = _app.CreateClient(new() { AllowAutoRedirect = false });
        var card = await _app.CardAsync("STAV0001");

        foreach (var client in new[] { desk, stranger })
        {
            foreach (var url in new[] { Page, $"{Page}?handler=Token&card={card.Id}" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/logg-inn", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"QR-kode for det digitale lånekortet\" viewBox=\"0 0 57 57\"")]
    private static partial Regex QrSvg();
}
