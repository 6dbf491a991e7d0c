using System.Net;
using Medlem.Core.Privacy.Consents;
using Medlem.Statistics;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.MyPage;

/// <summary>
/// /min-side/samtykker: a change is recorded with channel "member page", the member as actor and the
/// text version shown; withdrawing the reading history deletes the kept titles at once; a child under
/// 13 sees the states but gets no switch, and a forged post is refused with Consents' rule.
/// </summary>
public sealed class MyConsentsPageTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private MyPageWebData _data = null!;

    public async ValueTask InitializeAsync() => _data = await MyPageWebData.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Task<HttpResponseMessage> SetAsync(HttpClient member, Guid membership, string purpose, bool given) =>
        StaffClient.PostFormAsync(member, "/min-side/samtykker",
            new() { ["membershipId"] = membership.ToString(), ["purpose"] = purpose, ["given"] = given ? "true" : "false", ["textVersion"] = "1" });

    [Fact]
    public async Task GivingTheNewsletter_IsRecordedWithChannelActorAndVersion_AndShownOn()
    {
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
        var before = await kari.GetStringAsync("/min-side/samtykker", TestContext.Current.CancellationToken);
        Assert.Contains(ConsentTexts.Default.Current(ConsentPurpose.Newsletter).Bokmaal, before, StringComparison.Ordinal);
        Assert.Contains("href=\"/personvern/stavanger\"", before, StringComparison.Ordinal);

        var response = await SetAsync(kari, _data.KariMembership, "Newsletter", true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await _app.WithDbAsync(db => db.ConsentRecords.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((_data.KariMembership, ConsentPurpose.Newsletter, true, ConsentChannel.MemberPage, ConsentActor.Member, 1, (int?)null, MedlemApplication.Now),
            (record.MembershipId, record.Purpose, record.Given, record.Channel, record.ActedBy, record.TextVersion, record.StaffAccountId, record.At));
        var after = await kari.GetStringAsync("/min-side/samtykker", TestContext.Current.CancellationToken);
        Assert.Contains("Lagret: Nyhetsbrev er slått på.", after, StringComparison.Ordinal);
        Assert.Contains("<td>Min side</td>", after, StringComparison.Ordinal); // the history's channel
        Assert.Contains("nyhetsbrev på e-post: på", await kari.GetStringAsync("/min-side", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawingTheReadingHistoryOnThePage_DeletesTheKeptTitles()
    {
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");
        Assert.Equal(HttpStatusCode.Redirect, (await SetAsync(kari, _data.KariMembership, "ReadingHistory", true)).StatusCode);
        await _data.LoadActivityAsync(_app); // Kari's three loans keep their titles now; Per's do not
        Assert.Equal(3, await TitlesAsync());
        Assert.Contains("bok-101", await kari.GetStringAsync("/min-side/aktivitet", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SetAsync(kari, _data.KariMembership, "ReadingHistory", false)).StatusCode);

        Assert.Equal(0, await TitlesAsync());
        var activity = await kari.GetStringAsync("/min-side/aktivitet", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("bok-101", activity, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">november 2026</th>\s*<td class=""num"">2</td>", activity); // the counts stay
    }

    [Fact]
    public async Task AChildUnderThirteen_SeesNoSwitch_AndAForgedChangeIsRefused()
    {
        var lise = await MemberClient.LoginAsync(_app, "stavanger", MyPageWebData.LiseCard);

        var page = await lise.GetStringAsync("/min-side/samtykker", TestContext.Current.CancellationToken);
        Assert.Contains("Du er under 13 år. Da er det en foresatt som bestemmer samtykkene dine", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", page.Split("<main")[1].Split("</main>")[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Slå på", page, StringComparison.Ordinal);

        var forged = await SetAsync(lise, _data.LiseMembership, "Newsletter", true);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("en foresatt som bestemmer", await forged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ConsentRecords.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AMemberOfTwoLibraries_DecidesPerMembership()
    {
        var bergen = await _app.WithDbAsync(async db =>
        {
            var type = await db.MembershipTypes.SingleAsync(t => t.LibraryId == _data.Consortium.Bergen.Id && t.Code == "VOKSEN", TestContext.Current.CancellationToken);
            var membership = new Core.Members.Membership
            {
                Id = Guid.NewGuid(), PersonId = _data.Kari, LibraryId = _data.Consortium.Bergen.Id, MembershipTypeId = type.Id, Pseudonym = Guid.NewGuid(),
                ValidFrom = new DateOnly(2025, 1, 1), Verification = Core.Members.VerificationLevel.IdentityCheckedAtDesk,
                CreatedAt = MedlemApplication.Now, UpdatedAt = MedlemApplication.Now,
            };
            db.Memberships.Add(membership);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return membership.Id;
        });
        var kari = await MemberClient.LoginAsync(_app, "stavanger", "STAV0001");

        Assert.Equal(HttpStatusCode.Redirect, (await SetAsync(kari, bergen, "Sms", true)).StatusCode);

        var page = await kari.GetStringAsync("/min-side/samtykker", TestContext.Current.CancellationToken);
        Assert.Contains("Samtykkene gjelder medlemskapet ditt i Stavanger bibliotek.", page, StringComparison.Ordinal);
        Assert.Contains("Samtykkene gjelder medlemskapet ditt i Bergen offentlige bibliotek.", page, StringComparison.Ordinal);
        var records = await _app.WithDbAsync(db => db.ConsentRecords.Select(r => new { r.MembershipId, r.Purpose }).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((bergen, ConsentPurpose.Sms), (Assert.Single(records).MembershipId, records[0].Purpose));
    }

    private async Task<long> TitlesAsync()
    {
        await using var connection = await _app.Services.GetRequiredService<StatisticsStore>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ScalarAsync<long>("SELECT count(*) FROM title", TestContext.Current.CancellationToken);
    }
}
