using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Medlem.Core.Consortium;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Api;

public sealed partial class LocalisationTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();

    public async ValueTask InitializeAsync() => await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_AreBokmaalByDefault_AndEnglishOnRequest_WithNorwegianNumberFormatting()
    {
        var client = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Analyst);
        var norwegian = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"nb\">", norwegian, StringComparison.Ordinal);
        Assert.Contains("Registrerte", norwegian, StringComparison.Ordinal);
        Assert.Contains("28. november 2026", norwegian, StringComparison.Ordinal);

        var english = await client.GetStringAsync("/?ui-culture=en");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Registered", english, StringComparison.Ordinal);
        Assert.Contains("28. november 2026", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_RemembersEnglish_AndReturnsToThePage()
    {
        var client = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Analyst);
        var response = await StaffClient.PostFormAsync(client, "/language", new() { ["language"] = "en", ["returnUrl"] = "/" }, formPage: "/");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("Registered", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var offsite = await StaffClient.PostFormAsync(client, "/language", new() { ["language"] = "nb", ["returnUrl"] = "//evil.example" }, formPage: "/");
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ValidationProblems_FollowTheReadersLanguage()
    {
        var client = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var body = new { givenName = "", familyName = "X", birthDate = "1990-01-01", membershipTypeCode = "VOKSEN" };
        var nb = await (await client.PostAsJsonAsync("/api/v1/members", body)).Content.ReadFromJsonAsync<JsonElement>();
        var en = await (await client.PostAsJsonAsync("/api/v1/members?ui-culture=en", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Må fylles ut.", nb.GetProperty("errors").GetProperty("givenName")[0].GetString());
        Assert.Equal("Required.", en.GetProperty("errors").GetProperty("givenName")[0].GetString());
    }

    [Fact]
    public void BothLanguages_HaveTheSameKeys()
    {
        var texts = _app.Services.GetRequiredService<JsonTexts>();
        Assert.Equal(texts.KeysOf("nb").Order(), texts.KeysOf("en").Order());
    }

    [Fact]
    public void EveryTextKeyUsedInTheSource_ExistsInBokmaal()
    {
        var texts = _app.Services.GetRequiredService<JsonTexts>();
        var source = Path.Combine(RepositoryRoot(), "src", "Medlem.Web");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .Distinct()
            .ToList();
        Assert.True(used.Count > 100, $"Found only {used.Count} keys; the scan is broken.");
        var missing = used.Where(k => !texts.KeysOf("nb").Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing texts: " + string.Join(", ", missing));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Medlem.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Medlem.slnx not found above the test binaries.");
    }

    // T["key"], texts["key"] and the done-message keys passed to the details page's actions.
    [GeneratedRegex("(?:T|texts)\\[\"([a-z0-9.-]+[a-z0-9])\"|\"(done\\.[a-z-]+)\"")]
    private static partial Regex KeyPattern();
}
