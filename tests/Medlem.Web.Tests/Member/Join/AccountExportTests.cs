using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>
/// The access export's "account" section (AccountExportPart): which ways of signing in exist, the
/// last sign-in, the links and messages sent — and never a hash or a token.
/// </summary>
public sealed class AccountExportTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private SmtpCatcher _smtp = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpCatcher.StartAsync();
        _smtp.Configure(_app);
        await TestConsortium.SeedAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Export_ShowsWaysOfSigningIn_LinksAndMessages_ButNoHashOrToken()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        await JoinFlow.SignUpAsync(client, JoinFlow.Adult());
        var link = await JoinFlow.LinkAsync(_smtp, JoinFlow.Email, MemberLinkUrls.ConfirmEmailPath);
        await JoinFlow.ConfirmAsync(client, link);
        var (personId, hash) = await _app.WithDbAsync(async db =>
        {
            var account = await db.MemberAccounts.SingleAsync(a => db.People.Any(p => p.Id == a.PersonId && p.GivenName == JoinFlow.GivenName));
            return (account.PersonId, account.PasswordHash!);
        });
        var desk = await StaffClient.LoginAsync(_app, "stavanger", StaffRoles.Desk);

        var json = await desk.GetStringAsync($"/api/v1/members/{personId}/export");

        var account = JsonDocument.Parse(json).RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "account");
        var entries = account.GetProperty("entries").EnumerateArray().ToList();
        var signIn = Assert.Single(entries, e => e.GetProperty("record").GetString() == "account");
        Assert.Equal(("no", "yes", "no"), (signIn.GetProperty("pin").GetString(), signIn.GetProperty("password").GetString(), signIn.GetProperty("electronicId").GetString()));
        Assert.Equal("2026-11-28T11:00:00.0000000+00:00", signIn.GetProperty("lastSignIn").GetString()); // MedlemApplication.Now in UTC
        var sentLink = Assert.Single(entries, e => e.GetProperty("record").GetString() == "link");
        Assert.Equal(("ConfirmEmail", JoinFlow.Email), (sentLink.GetProperty("purpose").GetString(), sentLink.GetProperty("sentTo").GetString()));
        Assert.Equal("2026-11-30T11:00:00.0000000+00:00", sentLink.GetProperty("expires").GetString()); // 48 hours
        Assert.NotNull(sentLink.GetProperty("used").GetString());
        var message = Assert.Single(entries, e => e.GetProperty("record").GetString() == "message");
        Assert.Equal((MailKinds.ConfirmEmail, JoinFlow.Email), (message.GetProperty("kind").GetString(), message.GetProperty("sentTo").GetString()));

        Assert.DoesNotContain(hash, json, StringComparison.Ordinal);
        Assert.DoesNotContain(JoinFlow.TokenOf(link), json, StringComparison.Ordinal);
        Assert.DoesNotContain(Core.Members.SignUp.MemberLinkTokens.HashOf(JoinFlow.TokenOf(link)), json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherLibrarysExport_HasTheSharedAccount_ButNotThisLibrarysLinksOrMessages()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        await JoinFlow.SignUpAsync(client, JoinFlow.Adult());
        await JoinFlow.ConfirmAsync(client, await JoinFlow.LinkAsync(_smtp, JoinFlow.Email, MemberLinkUrls.ConfirmEmailPath));
        var (personId, bergen) = await _app.WithDbAsync(async db =>
            (await db.People.Where(p => p.GivenName == JoinFlow.GivenName).Select(p => p.Id).SingleAsync(),
             await db.Libraries.Where(l => l.Code == "bergen").Select(l => l.Id).SingleAsync()));
        // The person also holds a Bergen membership (the export is per controller).
        await _app.WithDbAsync(async db =>
        {
            var type = await db.MembershipTypes.SingleAsync(t => t.LibraryId == bergen && t.Code == "DIGITAL");
            db.Memberships.Add(new Core.Members.Membership
            {
                Id = Guid.NewGuid(), PersonId = personId, LibraryId = bergen, MembershipTypeId = type.Id, Pseudonym = Guid.NewGuid(),
                ValidFrom = new DateOnly(2026, 1, 1), CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
            });
            return await db.SaveChangesAsync();
        });
        var bergenDesk = await StaffClient.LoginAsync(_app, "bergen", StaffRoles.Desk);

        var json = await bergenDesk.GetStringAsync($"/api/v1/members/{personId}/export");

        var entries = JsonDocument.Parse(json).RootElement.GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("key").GetString() == "account").GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["account"], entries.Select(e => e.GetProperty("record").GetString()));
    }
}
