using System.Text.RegularExpressions;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Member.Card;

/// <summary>
/// The card page in real Chromium on a phone-sized screen (390×844): the barcode fits the screen at a scannable
/// width, the QR code is replaced by a fresh one as the page opens, axe-core finds no WCAG 2.1 AA violation, printing
/// keeps just the card, and once loaded the page opens again without network, barcode and all, saying that the QR
/// code needs a connection.
/// </summary>
public sealed partial class CardBrowserTests : IAsyncLifetime
{
    private BrowserApp _b = null!;

    public async ValueTask InitializeAsync() => _b = await BrowserApp.StartAsync();

    public async ValueTask DisposeAsync() => await _b.DisposeAsync();

    [Fact]
    public async Task CardPage_OnAPhone_ShowsBarcodeAndFreshQr_AndStillShowsTheBarcodeOffline()
    {
        var page = await MemberClient.LoginAsync(_b, "stavanger", "STAV0001");
        await page.WaitForURLAsync(new Regex("/min-side"));
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text + " on " + page.Url); };

        // The page's own QR code is replaced as soon as card.js has fetched a fresh token.
        IResponse? navigation = null;
        await page.RunAndWaitForResponseAsync(async () => navigation = await page.GotoAsync("/min-side/kort"), r => r.Url.Contains("handler=Token", StringComparison.Ordinal));
        var servedPath = QrPath().Match(await navigation!.TextAsync()).Groups[1].Value;
        Assert.NotEmpty(servedPath);
        await Assertions.Expect(page.Locator("svg.qr path")).Not.ToHaveAttributeAsync("d", servedPath);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Digitalt lånekort", Level = 1 })).ToBeVisibleAsync();
        var barcode = page.GetByRole(AriaRole.Img, new() { Name = "Strekkode for lånenummer STAV0001" });
        await Assertions.Expect(barcode).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-kode for det digitale lånekortet" })).ToBeVisibleAsync();
        // STAV0001 is 112 modules plus 20 of quiet zone: at least 2 CSS pixels a module, and no sideways scrolling.
        var box = (await barcode.BoundingBoxAsync())!;
        Assert.InRange(box.Width / 132, 2.0, 3.0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Axe.AssertAccessibleAsync(page, "card page");
        Assert.True(consoleErrors.Count == 0, string.Join(Environment.NewLine, consoleErrors));

        // Printing keeps the card and its barcode, not the header or the QR code (which would expire on paper).
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(barcode).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.qr")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The service worker has kept the page and what it loads; now without network.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-card-offline", "ready");
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Assertions.Expect(barcode).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("QR-koden trenger nettforbindelse. Strekkoden over virker uten nett.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.qr")).ToBeHiddenAsync();
        // The offline copy is styled (the card's own CSS came from the worker's copy too).
        Assert.Equal("rgb(255, 255, 255)", await page.Locator("article.library-card").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("8px", await page.Locator("article.library-card").EvaluateAsync<string>("e => getComputedStyle(e).borderTopLeftRadius"));
        await Axe.AssertAccessibleAsync(page, "card page offline");

        // Back online, the QR code returns by itself.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("svg.qr")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("QR-koden trenger nettforbindelse.")).ToBeHiddenAsync();
    }

    [GeneratedRegex("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"[^>]*>\\s*<rect[^>]*/>\\s*<path fill=\"#000000\" d=\"([^\"]+)\"")]
    private static partial Regex QrPath();
}
