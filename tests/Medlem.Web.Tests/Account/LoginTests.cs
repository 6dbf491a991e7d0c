using System.Net;
using Medlem.Core.Consortium;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Account;

public sealed class LoginTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();

    public async ValueTask InitializeAsync() => await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Login_WithRightPassword_OpensTheStartPage()
    {
        var client = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var page = await client.GetStringAsync("/");
        Assert.Contains("Stavanger bibliotek", page, StringComparison.Ordinal);
        Assert.Contains("Desk stavanger", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithWrongPassword_IsRefusedWithoutSayingWhichPartWasWrong()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await StaffClient.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "desk.stavanger", ["Password"] = "wrong" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknownUser = await StaffClient.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "nobody", ["Password"] = "wrong" });
        const string Failure = "Feil brukernavn eller passord, eller kontoen er midlertidig sperret.";
        Assert.Contains(Failure, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Failure, await unknownUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_AfterRepeatedFailures_IsLockedEvenWithTheRightPassword_UntilTheLockoutEnds()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < SecretCheck.MaxFailures; i++)
        {
            await StaffClient.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "desk.stavanger", ["Password"] = "wrong" });
        }

        var locked = await StaffClient.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "desk.stavanger", ["Password"] = TestConsortium.Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);

        _app.Clock.Advance(SecretCheck.LockoutDuration + TimeSpan.FromSeconds(1));
        var afterLockout = await StaffClient.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "desk.stavanger", ["Password"] = TestConsortium.Password });
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);
        var response = await StaffClient.PostFormAsync(client, "/Account/Logout", [], formPage: "/Members");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/Members");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
