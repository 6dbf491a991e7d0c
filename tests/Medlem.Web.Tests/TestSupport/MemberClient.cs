using System.Net;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>Signs a member in through the real /logg-inn form (antiforgery token and all) and keeps the member cookie.</summary>
public static class MemberClient
{
    public static async Task<HttpClient> LoginAsync(MedlemApplication app, string library, string cardNumber, string pin = TestConsortium.MemberPin)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await PostCardLoginAsync(client, library, cardNumber, pin);
        return response.StatusCode == HttpStatusCode.Redirect
            ? client
            : throw new InvalidOperationException($"Member login with card {cardNumber} failed: {response.StatusCode}");
    }

    public static Task<HttpResponseMessage> PostCardLoginAsync(HttpClient client, string library, string cardNumber, string pin) =>
        StaffClient.PostFormAsync(client, "/logg-inn?handler=Card", new() { ["Library"] = library, ["CardNumber"] = cardNumber, ["Pin"] = pin }, "/logg-inn");

    /// <summary>A new phone-sized page (390×844) in Bokmål, signed in as the member with the card.</summary>
    public static async Task<IPage> LoginAsync(BrowserApp browser, string library, string cardNumber, string pin = TestConsortium.MemberPin)
    {
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = browser.BaseUrl, Locale = "nb-NO", ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync($"/logg-inn?bibliotek={library}");
        await page.GetByLabel("Kortnummer").FillAsync(cardNumber);
        await page.GetByLabel("PIN-kode").FillAsync(pin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).First.ClickAsync();
        return page;
    }
}
