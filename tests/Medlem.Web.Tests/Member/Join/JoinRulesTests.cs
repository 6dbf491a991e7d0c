using System.Globalization;
using System.Net;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>The forms' protections and texts: rate limit, CSRF, a text for every error and link problem, the form's autocomplete tokens, and the public base URL.</summary>
public sealed class JoinRulesTests
{
    [Fact]
    public async Task ManySignUpPostsFromOneAddress_AreRefusedWith429_ButTheFormStillOpens()
    {
        await using var app = new MedlemApplication();
        app.Settings["Medlem:Members:PostsPerMinute"] = "3";
        await TestConsortium.SeedAsync(app);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await JoinFlow.SignUpAsync(client, JoinFlow.Adult(birthYear: "19"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/bli-medlem")).StatusCode);
        // The same budget covers every stranger's form: the reset request is refused too.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await StaffClient.PostFormAsync(client, "/glemt-pin?handler=Email", new() { ["Email"] = "a@example.org" }, "/glemt-pin")).StatusCode);
    }

    [Fact]
    public async Task ASignUpPostWithoutTheAntiforgeryToken_IsRefused_AndStoresNothing()
    {
        await using var app = new MedlemApplication();
        await TestConsortium.SeedAsync(app);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/bli-medlem", new FormUrlEncodedContent(JoinFlow.Adult()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.GivenName == JoinFlow.GivenName)));
    }

    [Fact]
    public async Task TheForm_AsksForFewFields_WithLabelsAndAutocompleteTokens()
    {
        await using var app = new MedlemApplication();
        await TestConsortium.SeedAsync(app);

        var page = await app.CreateClient().GetStringAsync("/bli-medlem?bibliotek=bergen");

        foreach (var (id, autocomplete) in new[] { ("GivenName", "given-name"), ("FamilyName", "family-name"), ("Email", "email"), ("BirthYear", "bday-year"), ("Password", "new-password"), ("Mobile", "tel") })
        {
            Assert.Contains($"<label for=\"{id}\">", page, StringComparison.Ordinal);
            Assert.Matches($"id=\"{id}\" name=\"{id}\"[^>]*autocomplete=\"{autocomplete}\"", page);
        }

        Assert.DoesNotContain("id=\"GuardianEmail\"", page, StringComparison.Ordinal); // asked only when needed
        Assert.Contains("<option value=\"bergen\" selected=\"selected\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrorCodeAndLinkProblem_HasATextInBothLanguages()
    {
        using var app = new MedlemApplication();
        var texts = app.Services.GetRequiredService<JsonTexts>();
        var keys = SignUpErrors.All.Select(code => "error." + code)
            .Concat(["error.join.reset.choose", "error.join.reset.email.required", "error.join.reset.card.required"])
            .Concat(LinkProblemView.Possible.SelectMany(p => p.Value.Select(problem => LinkProblemView.TextKeyOf(p.Key, problem))))
            .ToList();

        foreach (var language in new[] { "nb", "en" })
        {
            var missing = keys.Where(k => !texts.KeysOf(language).Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public async Task WithAPublicBaseUrl_MailLinksPointThere_NotAtTheRequestsHost()
    {
        await using var app = new MedlemApplication();
        app.Settings["Medlem:Members:PublicBaseUrl"] = "https://medlem.bibliotek.example/";
        await TestConsortium.SeedAsync(app);
        var urls = app.Services.GetRequiredService<MemberLinkUrls>();
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new Microsoft.AspNetCore.Http.HostString("evil.example");

        Assert.Equal("https://medlem.bibliotek.example/ny-pin?t=abc_-", urls.To(request, MemberLinkUrls.ResetSecretPath, "abc_-"));
    }

    [Fact]
    public void Production_RefusesToStart_WithoutAPublicBaseUrl()
    {
        using var app = new MedlemApplication { Environment = "Production" };
        app.Settings["Medlem:Members:AllowSyntheticNationalIdentityNumbers"] = "false";

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("PublicBaseUrl must be set in Production", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BothTextFiles_AreSortedAndHaveOnlyJoinKeys()
    {
        foreach (var language in new[] { "nb", "en" })
        {
            var file = Path.Combine(RepositoryRoot(), "src", "Medlem.Web", "Resources", $"join.{language}.json");
            var keys = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
            Assert.All(keys, k => Assert.True(k.StartsWith("join.", StringComparison.Ordinal) || k.StartsWith("error.join.", StringComparison.Ordinal), k));
            Assert.True(keys.Count > 50, keys.Count.ToString(CultureInfo.InvariantCulture));
        }
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
}
