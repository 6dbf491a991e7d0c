using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members;

// MemberCounts.cs: registered = a membership valid today and not blocked (DESIGN.md §6 with the period = today);
// active = recorded use in the last 12 months (the status rules' passive period: after today - 12 months);
// passive = registered and not active. Today is 2026-11-28.
public class MemberCountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_MixedMemberships_CountsByTheDefinitions()
    {
        using var database = TestDatabase.Create();
        var memberships = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            memberships.Add((await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Kari"))).MembershipId);
        }

        await using (var db = database.NewContext())
        {
            var m = await db.Memberships.ToDictionaryAsync(x => x.Id, Ct);
            m[memberships[0]].LastUsedOn = new DateOnly(2026, 11, 27);  // registered, active
            m[memberships[1]].LastUsedOn = new DateOnly(2025, 11, 29);  // registered, active (first day inside 12 months)
            m[memberships[2]].LastUsedOn = new DateOnly(2025, 11, 28);  // registered, passive (exactly 12 months ago)
            m[memberships[3]].ValidTo = TestClock.Today;               // registered (last valid day), passive (never used)
            m[memberships[4]].ValidTo = new DateOnly(2026, 11, 27);     // lapsed: not registered
            m[memberships[4]].LastUsedOn = new DateOnly(2026, 11, 1);
            m[memberships[5]].BlockedAt = TestClock.Now;                // blocked: not registered
            m[memberships[5]].LastUsedOn = new DateOnly(2026, 11, 1);
            m[memberships[6]].ValidFrom = new DateOnly(2026, 11, 29);   // not valid yet: not registered
            await db.SaveChangesAsync(Ct);
        }

        await using var query = database.NewContext();
        var counts = await new MemberCounts(query, database.Rules, database.Clock).RunAsync(Ct);

        // Ordered by kind, then name: "Sandnes bibliotek" (B) before "Stavanger bibliotek" (A).
        Assert.Equal([database.LibraryB, database.LibraryA], counts.Select(c => c.LibraryId));
        var a = counts.Single(c => c.LibraryId == database.LibraryA);
        Assert.Equal(4, a.Registered);
        Assert.Equal(2, a.Active);
        Assert.Equal(2, a.Passive);
        Assert.Equal(5, a.Threshold);
        Assert.Equal((null, null, null), a.Shown); // 4 registered < k = 5
        var b = counts.Single(c => c.LibraryId == database.LibraryB);
        Assert.Equal((0, 0), (b.Registered, b.Active));
    }
}
