using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Demo;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Members;

/// <summary>
/// The newcomer's path (issue "done when"): the first start in Development loads the demo
/// consortium into the empty database; the printed demo login for Stavanger's desk works; that
/// desk finds Stavanger members and never a Bergen member.
/// </summary>
public sealed class DemoFirstStartTests
{
    [Fact]
    public async Task FirstStartInDevelopment_LoadsTheDemo_AndStavangersDeskSeesOnlyStavanger()
    {
        await using var app = new MedlemApplication { Environment = "Development" };
        app.Settings["Medlem:Demo:LoadOnFirstStart"] = "true";
        app.Settings["Medlem:Demo:Scale"] = "0.01";

        var desk = await StaffClient.LoginAsync(app, "skranke.stavanger", DemoConsortium.DemoPassword);

        var (stavangerMember, bergenMember) = await app.WithDbAsync(async db =>
        {
            var stavanger = await db.Libraries.SingleAsync(l => l.Code == "stavanger");
            var bergen = await db.Libraries.SingleAsync(l => l.Code == "bergen");
            var inStavanger = await db.People.Where(p => p.Memberships.Any(m => m.LibraryId == stavanger.Id)).Select(p => new { p.Id, p.FamilyName }).FirstAsync();
            var onlyInBergen = await db.People.Where(p => p.Memberships.Any(m => m.LibraryId == bergen.Id) && !p.Memberships.Any(m => m.LibraryId == stavanger.Id)
                && !db.Guardianships.Any(g => g.GuardianId == p.Id)).Select(p => p.Id).FirstAsync();
            return ((inStavanger.Id, inStavanger.FamilyName), onlyInBergen);
        });

        var hits = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={Uri.EscapeDataString(stavangerMember.FamilyName.ToLowerInvariant())}");
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("personId").GetGuid() == stavangerMember.Id);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/Members/Details/{stavangerMember.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/Members/Details/{bergenMember}")).StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopment_NoDemoIsLoaded()
    {
        await using var app = new MedlemApplication();
        app.Settings["Medlem:Demo:LoadOnFirstStart"] = "true";
        app.Settings["Medlem:Demo:Scale"] = "0.01";
        app.CreateClient();
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync()));
    }
}
