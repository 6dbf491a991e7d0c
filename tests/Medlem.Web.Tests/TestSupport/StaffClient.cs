using System.Net;
using System.Text.RegularExpressions;
using Medlem.Core.Consortium;

namespace Medlem.Web.Tests.TestSupport;

/// <summary>Signs in through the real login form (antiforgery token and all) and keeps the cookie.</summary>
public static partial class StaffClient
{
    public static async Task<HttpClient> LoginAsync(MedlemApplication app, string library, StaffRoles role) =>
        await LoginAsync(app, TestConsortium.UserName(library, role), TestConsortium.Password);

    public static async Task<HttpClient> LoginAsync(MedlemApplication app, string userName, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>GETs the form page, then POSTs the fields with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page, formPage ?? url);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of a page's forms.</summary>
    public static string AntiforgeryToken(string page, string url)
    {
        var token = TokenPattern().Match(page);
        return token.Success
            ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
