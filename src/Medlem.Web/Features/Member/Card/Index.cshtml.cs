using Medlem.Core.Members.Cards;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Member.Card;

/// <summary>
/// /min-side/kort: the signed-in person's active cards, each as a barcode of the card number
/// (what the libraries' scanners read, and what works offline) and a QR code of a short-lived
/// token (which a screenshot cannot keep alive); and reporting a card lost, after a confirmation.
/// Every card is looked up through the signed-in person, never through an id alone.
/// </summary>
public sealed class CardPageModel(
    MemberCards cards, ReportLostCard reportLost, CardTokens tokens, JsonTexts texts, TimeProvider clock, ILogger<CardPageModel> log) : PageModel
{
    public const string Path = "/min-side/kort";

    public IReadOnlyList<MemberCard> Cards { get; private set; } = [];

    /// <summary>The card the member asked to report lost, waiting for the confirmation.</summary>
    public MemberCard? ConfirmLost { get; private set; }

    /// <summary>A card was just replaced: say so above the new one.</summary>
    public bool Replaced { get; private set; }

    public bool Failed { get; private set; }

    private Guid PersonId => MemberPrincipal.From(User)!.PersonId;

    public async Task OnGetAsync([FromQuery(Name = "tapt")] int? lostCard, [FromQuery(Name = "nytt")] bool replaced, CancellationToken ct)
    {
        Cards = await cards.ActiveAsync(PersonId, ct);
        ConfirmLost = Cards.FirstOrDefault(c => c.CardId == lostCard);
        Replaced = replaced;
    }

    /// <summary>A fresh QR code for one of the person's own active cards; card.js asks before the last one expires.</summary>
    public async Task<IActionResult> OnGetTokenAsync(int card, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var found = await cards.FindActiveAsync(PersonId, card, ct);
        if (found is null)
        {
            return NotFound();
        }

        // The token beside its QR code: it is the member's own, and what the QR code says anyway.
        var qr = Qr(found.Id, found.LibraryId);
        return new JsonResult(new { token = qr.Token, svg = qr.Svg, expiresIn = qr.ExpiresInSeconds });
    }

    public async Task<IActionResult> OnPostReportLostAsync(int card, CancellationToken ct)
    {
        var outcome = await reportLost.RunAsync(PersonId, card, ct);
        if (outcome.Succeeded)
        {
            CardLog.ReportedLost(log, card, outcome.Value!.Id);
            return Redirect(Path + "?nytt=true");
        }

        if (outcome.NotFound)
        {
            // Already reported (a second tap), or not the person's card: show what they have.
            return Redirect(Path);
        }

        Failed = true;
        Cards = await cards.ActiveAsync(PersonId, ct);
        return Page();
    }

    public string Barcode(MemberCard card) =>
        card.Number.All(c => c is >= ' ' and <= '~')
            ? Code128Svg.Render(Code128.Encode(card.Number), texts["cardpage.barcode.label", card.Number])
            : "";

    public CardQrCode Qr(int cardId, int libraryId)
    {
        var issued = tokens.Issue(cardId, libraryId);
        var expiresIn = (int)Math.Max(0, (issued.ExpiresAt - clock.GetUtcNow()).TotalSeconds);
        return new CardQrCode(issued.Token, CardQr.Svg(issued.Token, texts["cardpage.qr.label"]), expiresIn);
    }
}

/// <summary>A QR code's token, its SVG, and how many seconds the token has left (relative, so the phone's clock does not matter).</summary>
public sealed record CardQrCode(string Token, string Svg, int ExpiresInSeconds);
