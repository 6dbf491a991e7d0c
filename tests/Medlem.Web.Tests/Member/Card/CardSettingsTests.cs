using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Features.Member.Card;
using Medlem.Web.Tests.TestSupport;

namespace Medlem.Web.Tests.Member.Card;

/// <summary>Medlem:Cards:TokenLifetime: a configured lifetime is what the page and the desk use; an absurd one stops the start.</summary>
public sealed class CardSettingsTests
{
    [Fact]
    public async Task AConfiguredLifetime_IsWhatThePageAnnounces_AndWhatTheDeskEnforces()
    {
        await using var app = new MedlemApplication { Settings = { ["Medlem:Cards:TokenLifetime"] = "00:02:00" } };
        await TestConsortium.SeedAsync(app);
        var kari = await MemberClient.LoginAsync(app, "stavanger", "STAV0001");
        var desk = await StaffClient.LoginAsync(app, "stavanger", StaffRoles.Desk);
        var card = await app.CardAsync("STAV0001");

        var answer = JsonDocument.Parse(await kari.GetStringAsync($"/min-side/kort?handler=Token&card={card.Id}")).RootElement;
        Assert.Equal(120, answer.GetProperty("expiresIn").GetInt32());
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var check = await desk.PostAsJsonAsync("/api/v1/cards/verify", new { token = answer.GetProperty("token").GetString() });
        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        Assert.Contains(CardsApi.ExpiredTokenType, await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:05")]
    [InlineData("02:00:00")]
    public void AnAbsurdLifetime_StopsTheStart(string lifetime)
    {
        using var app = new MedlemApplication { Settings = { ["Medlem:Cards:TokenLifetime"] = lifetime } };

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("Medlem:Cards:TokenLifetime", error.Message, StringComparison.Ordinal);
    }
}
