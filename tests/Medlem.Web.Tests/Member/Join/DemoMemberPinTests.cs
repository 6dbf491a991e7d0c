using System.Net;
using System.Text.RegularExpressions;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>The README's promise for the members' side: after the demo load, the printed member logins work.</summary>
public sealed partial class DemoMemberPinTests
{
    [Fact]
    public async Task DemoLoad_PrintsThreeStavangerMemberLogins_AndEachSignsIn()
    {
        await using var app = new MedlemApplication();
        var output = new StringWriter();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DatabaseStartup.LoadDemoAsync(scope.ServiceProvider, 0.01, 2017, output, TestContext.Current.CancellationToken);
        }

        var text = output.ToString();
        Assert.Contains("Demo member logins at /logg-inn:", text, StringComparison.Ordinal);
        var logins = LoginLine().Matches(text).Select(m => (Card: m.Groups["card"].Value, Kind: m.Groups["kind"].Value)).ToList();
        Assert.Equal(["adult borrower", "youth", "digital member"], logins.Select(l => l.Kind));
        foreach (var (card, kind) in logins)
        {
            var response = await MemberClient.PostCardLoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), DemoLogins.MemberLibrary, card, DemoLogins.MemberPin);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{kind} with card {card} could not sign in");
        }
    }

    [GeneratedRegex(@"library stavanger, card (?<card>\S+), PIN 1234 +\((?<kind>[a-z ]+)\)")]
    private static partial Regex LoginLine();
}
