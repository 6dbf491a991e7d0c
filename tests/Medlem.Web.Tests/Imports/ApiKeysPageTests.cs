using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Imports;

/// <summary>Imports → API keys, as Stavanger's administrator uses it.</summary>
public sealed partial class ApiKeysPageTests() : ConsortiumTest(StaffRoles.Administrator)
{
    [Fact]
    public async Task CreatedKey_IsShownOnce_OnlyItsPrefixAndHashAreStored_AndItWorksUntilRevoked()
    {
        var created = await StaffClient.PostFormAsync(Staff, "/Imports/Keys?handler=Create", new() { ["Name"] = "Koha Stavanger" }, formPage: "/Imports/Keys");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var key = KeyPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("mdl_", key, StringComparison.Ordinal);
        var source = await App.WithDbAsync(db => db.ActivitySources.SingleAsync());
        Assert.Equal((Data.Stavanger.Id, "Koha Stavanger", "administrator.stavanger", key[..12]), (source.LibraryId, source.Name, source.CreatedBy, source.KeyPrefix));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), source.KeyHash);
        var listed = await Staff.GetStringAsync("/Imports/Keys");
        Assert.Contains("Koha Stavanger", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);

        var api = App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ImportTestClient.PostBatchAsync(api, "loans", key, ImportFiles.LoansBatchJson)).StatusCode);

        var revoked = await StaffClient.PostFormAsync(Staff, "/Imports/Keys?handler=Revoke", new() { ["sourceId"] = source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/Imports/Keys");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportTestClient.PostBatchAsync(api, "loans", key, ImportFiles.LoansBatchJson)).StatusCode);
        Assert.Contains("Trukket tilbake", await Staff.GetStringAsync("/Imports/Keys"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyWithoutAName_IsNotMade()
    {
        var response = await StaffClient.PostFormAsync(Staff, "/Imports/Keys?handler=Create", new() { ["Name"] = "  " }, formPage: "/Imports/Keys");

        Assert.Contains("Gi kilden et navn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.ActivitySources.CountAsync()));
    }

    [Fact]
    public async Task AnotherLibrarysKey_CannotBeRevoked_OrSeen()
    {
        await ImportTestClient.CreateKeyAsync(App, Data.Bergen.Id, "Koha Bergen");
        var bergenSource = await App.WithDbAsync(db => db.ActivitySources.SingleAsync());

        var revoke = await StaffClient.PostFormAsync(Staff, "/Imports/Keys?handler=Revoke", new() { ["sourceId"] = bergenSource.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/Imports/Keys");

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Null((await App.WithDbAsync(db => db.ActivitySources.SingleAsync())).RevokedAt);
        Assert.DoesNotContain("Koha Bergen", await Staff.GetStringAsync("/Imports/Keys"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysts_RunImports_ButDoNotManageKeys()
    {
        var analyst = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/Imports")).StatusCode);
        var keys = await analyst.GetAsync("/Imports/Keys");
        Assert.Contains("/Account/Denied", keys.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("/Imports/Keys", await analyst.GetStringAsync("/Imports"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<code id=\"api-key\">([^<]+)</code>")]
    private static partial Regex KeyPattern();
}
