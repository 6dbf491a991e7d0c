using Medlem.Core.Members.MyPage;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Members.MyPage;

// Issue 6, "My data: download (JSON and a readable page)": the access export of every library the member
// belongs to, never of another, and the activity counted per month from the same facts.
public sealed class MyDataTests : IAsyncLifetime
{
    private MyPageHarness _h = null!;

    public async ValueTask InitializeAsync() => _h = await MyPageHarness.CreateAsync();

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task TheDocument_HoldsOneExportPerLibraryOfTheMember_AndCountsEqualToTheImportedFacts()
    {
        await _h.LoadActivityAsync();

        var document = await _h.Data().RunAsync(_h.Kari, MyPageHarness.Ct);

        Assert.Equal(["stavanger", "sandnes"], document.Libraries.Select(l => l.Controller.Code));
        Assert.All(document.Libraries, l => Assert.Equal(_h.Kari, l.Person.Id));
        Assert.Equal([_h.Imports["Kari"].MembershipId], document.Libraries[0].Memberships.Select(m => m.Id));
        Assert.Equal([_h.KariSandnesMembership], document.Libraries[1].Memberships.Select(m => m.Id));

        // Kari's rows in LoadActivityAsync: Stavanger 4 loans, 1 renewal, 1 return, 2 events, 1 wifi, 1 e-book; Sandnes 1 loan.
        Assert.Equal(10, document.Libraries[0].Activity.Count);
        Assert.Single(document.Libraries[1].Activity);
        var perKind = document.ActivityPerMonth.Where(c => c.Library == "stavanger").GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        Assert.Equal(new Dictionary<FactKind, int>
        {
            [FactKind.Loan] = 4, [FactKind.Renewal] = 1, [FactKind.Return] = 1, [FactKind.EventAttendance] = 2, [FactKind.WifiSession] = 1, [FactKind.DigitalLoan] = 1,
        }, perKind);
        // Every count is the number of that month's facts of that kind in the export.
        Assert.All(document.ActivityPerMonth, c => Assert.Equal(
            document.Libraries.Single(l => l.Controller.Code == c.Library).Activity.Count(f => f.Kind == c.Kind && f.Day.Year == c.Month.Year && f.Day.Month == c.Month.Month),
            c.Count));
        Assert.Equal(new MyActivityCount(_h.KariSandnesMembership, "sandnes", new DateOnly(2026, 9, 1), FactKind.Loan, 1),
            Assert.Single(document.ActivityPerMonth, c => c.Library == "sandnes"));
    }

    [Fact]
    public async Task OneLibrarysExport_OnlyOfALibraryTheMemberBelongsTo()
    {
        Assert.Equal("sandnes", (await _h.Data().OfLibraryAsync(_h.Kari, "sandnes", MyPageHarness.Ct))!.Controller.Code);
        Assert.Null(await _h.Data().OfLibraryAsync(_h.Per, "sandnes", MyPageHarness.Ct));
        Assert.Null(await _h.Data().OfLibraryAsync(_h.Kari, "oslo", MyPageHarness.Ct));
        Assert.Empty((await _h.Data().RunAsync(Guid.NewGuid(), MyPageHarness.Ct)).Libraries);
    }
}
