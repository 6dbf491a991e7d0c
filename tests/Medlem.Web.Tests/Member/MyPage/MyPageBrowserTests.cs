using System.Text.Json;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Playwright;

namespace Medlem.Web.Tests.Member.MyPage;

/// <summary>
/// "Min side" in Chromium on a phone (390×844), with axe-core (WCAG 2.1 AA) on every page: Kari signs in
/// with card and PIN, reads her overview and activity, turns the newsletter on, downloads her data and
/// finds in the file what the pages showed.
/// </summary>
public sealed class MyPageBrowserTests : IAsyncLifetime
{
    private BrowserApp _b = null!;

    public async ValueTask InitializeAsync()
    {
        _b = await BrowserApp.StartAsync();
        await MyPageWebData.LoadActivityAsync(_b.App, _b.Data.Stavanger.Id);
    }

    public async ValueTask DisposeAsync() => await _b.DisposeAsync();

    [Fact]
    public async Task AMemberOpensMinSide_ChangesAConsent_AndDownloadsTheirData_AllAccessibly()
    {
        var page = await MemberClient.LoginAsync(_b, "stavanger", "STAV0001");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hei, Kari", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stavanger bibliotek: Låner" })).ToBeVisibleAsync();
        await CheckAsync(page, "overview");

        await page.GotoAsync("/min-side/aktivitet");
        // MyPageWebData: two loans in November 2026.
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "november 2026" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("2");
        await CheckAsync(page, "activity");
        // Phone first: a month's five counts fit the 390-pixel screen without scrolling the table sideways.
        Assert.Equal(0, await page.EvaluateAsync<int>("(() => { const r = document.querySelector('.table-scroll'); return r.scrollWidth - r.clientWidth; })()"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Siste 24 måneder" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "desember 2024" })).ToBeVisibleAsync();

        await page.GotoAsync("/min-side/samtykker");
        await CheckAsync(page, "consents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå på: Nyhetsbrev", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lagret: Nyhetsbrev er slått på.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Slå av: Nyhetsbrev", Exact = true })).ToBeVisibleAsync();
        await CheckAsync(page, "consents after a change");

        await page.GotoAsync("/min-side/mine-data");
        await CheckAsync(page, "my data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Last ned alt om deg (JSON)" }).ClickAsync());
        Assert.Equal("mine-data-2026-11-28.json", download.SuggestedFilename);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken)))
        {
            var library = Assert.Single(json.RootElement.GetProperty("libraries").EnumerateArray());
            Assert.Equal("Kari", library.GetProperty("person").GetProperty("givenName").GetString());
            var consents = library.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "consents");
            var record = Assert.Single(consents.GetProperty("entries").EnumerateArray());
            Assert.Equal(("Newsletter", "true", "MemberPage", "1", "Member"),
                (record.GetProperty("purpose").GetString(), record.GetProperty("given").GetString(), record.GetProperty("channel").GetString(),
                 record.GetProperty("textVersion").GetString(), record.GetProperty("actedBy").GetString()));
            Assert.Equal(3, library.GetProperty("activity").GetArrayLength()); // her two loans and one renewal
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Rett opplysningene dine" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("E-postadresse")).ToHaveValueAsync("kari.nordmann@example.org");
        await CheckAsync(page, "correct details");

        await page.GotoAsync("/min-side/mine-data/foresporsel");
        await CheckAsync(page, "request");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Begrensning" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send forespørselen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Forespørselen om begrensning er mottatt (1 bibliotek). Svarfrist: 28. desember 2026.");
        await CheckAsync(page, "my data with a request");
    }

    /// <summary>axe-core's WCAG 2.1 AA rules, and nothing wider than the phone: the page never scrolls sideways.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await Axe.AssertAccessibleAsync(page, name);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name}: wider than the phone");
    }
}
