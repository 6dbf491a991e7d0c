using System.Net;
using System.Text.RegularExpressions;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Member.ElectronicId;

/// <summary>
/// The browser's part of an electronic-ID round trip, over HTTP: the application's form post, the
/// provider's authorization request and login form, and the provider's form_post answer posted
/// back to the application's callback. Returns the application's answer to that post.
/// </summary>
public static partial class ElectronicIdFlow
{
    public static async Task<HttpResponseMessage> RunAsync(HttpClient app, string startUrl, string formPage, string sub, Dictionary<string, string>? fields = null)
    {
        var start = await StaffClient.PostFormAsync(app, startUrl, fields ?? [], formPage);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return await AtProviderAsync(app, start.Headers.Location!, sub);
    }

    /// <summary>From the application's redirect to the provider on: sign in as <paramref name="sub"/> and come back.</summary>
    public static async Task<HttpResponseMessage> AtProviderAsync(HttpClient app, Uri authorize, string sub)
    {
        Assert.StartsWith("http://127.0.0.1:", authorize.AbsoluteUri, StringComparison.Ordinal);
        using var browser = OidcProvider.NewBrowserSide();
        var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.SeeOther, toLogin.StatusCode);
        var login = new Uri(authorize, toLogin.Headers.Location!);
        Assert.Contains("Testperson", await browser.GetStringAsync(login), StringComparison.Ordinal);

        var resume = await browser.PostAsync(login + "/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = sub }));
        Assert.Equal(HttpStatusCode.SeeOther, resume.StatusCode);
        var answer = await browser.GetStringAsync(new Uri(authorize, resume.Headers.Location!));

        // response_mode=form_post: a page whose form carries code, state and iss to the callback.
        var action = WebUtility.HtmlDecode(FormAction().Match(answer).Groups[1].Value);
        var inputs = HiddenInput().Matches(answer).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.True(inputs.ContainsKey("state"), answer);
        return await app.PostAsync(action, new FormUrlEncodedContent(inputs));
    }

    /// <summary>Whether the response signs a member in (sets the member cookie).</summary>
    public static bool SignsIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("medlem.member=", StringComparison.Ordinal) && !c.StartsWith("medlem.member=;", StringComparison.Ordinal));

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
