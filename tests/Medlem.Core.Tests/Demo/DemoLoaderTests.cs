using Medlem.Core.Tests.TestSupport;
using System.Data.Common;
using Medlem.Core.Demo;
using Medlem.Core.Members;
using Medlem.Core.Tests.Demo.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Demo;

/// <summary>Loading the demo into a real (SQLite, in-memory) register.</summary>
public sealed class DemoLoaderTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly DemoData Small = DemoGenerator.Generate(0.01, 11, Today);

    private static string FakeHash(string password) => $"hashed:{password.Length}";

    [Fact(Timeout = 60_000)]
    public async Task Loads_everything_and_returns_counts_and_logins_without_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await SqliteRegister.CreateAsync();
        await using var db = register.NewContext();

        var summary = await DemoLoader.LoadAsync(db, Small, FakeHash, ct);

        await using var check = register.NewContext();
        Assert.Equal(Small.Libraries.Count, await check.Libraries.CountAsync(ct));
        Assert.Equal(Small.Libraries.Sum(l => l.Branches.Count), await check.Branches.CountAsync(ct));
        Assert.Equal(Small.Libraries.Count * 7, await check.MembershipTypes.CountAsync(ct));
        Assert.Equal(Small.People.Count, await check.People.CountAsync(ct));
        Assert.Equal(Small.People.Sum(p => p.ContactPoints.Count), await check.ContactPoints.CountAsync(ct));
        Assert.Equal(Small.Guardianships.Count, await check.Guardianships.CountAsync(ct));
        Assert.Equal(Small.Memberships.Count, await check.Memberships.CountAsync(ct));
        Assert.Equal(Small.Cards.Count, await check.Cards.CountAsync(ct));
        Assert.Equal(Small.StaffAccounts.Count, await check.StaffAccounts.CountAsync(ct));

        Assert.Equal(Small.Memberships.Count, summary.Memberships);
        Assert.Equal(Small.Cards.Count, summary.Cards);
        Assert.Equal(Small.People.Count, summary.People);
        Assert.Contains(summary.Logins, l => l.UserName == "skranke.stavanger" && l.LibraryCode == "stavanger");
        Assert.DoesNotContain(DemoConsortium.DemoPassword, summary.ToString(), StringComparison.Ordinal);
        Assert.All(await check.StaffAccounts.ToListAsync(ct), s => Assert.Equal(FakeHash(DemoConsortium.DemoPassword), s.PasswordHash));
    }

    [Fact(Timeout = 60_000)]
    public async Task Maps_codes_to_database_ids_and_encrypts_identity_numbers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await SqliteRegister.CreateAsync();
        await using (var db = register.NewContext())
        {
            await DemoLoader.LoadAsync(db, Small, FakeHash, ct);
        }

        await using var check = register.NewContext();
        var school = await check.Libraries.Include(l => l.ParentLibrary).SingleAsync(l => l.Code == "bergen-nordnes", ct);
        Assert.Equal("bergen", school.ParentLibrary!.Code);

        var source = Small.Memberships.First(m => m.LibraryCode == "trondheim" && m.HomeBranchCode is not null);
        var loaded = await check.Memberships.Include(m => m.MembershipType).Include(m => m.Cards).SingleAsync(m => m.Id == source.Id, ct);
        var branch = await check.Branches.SingleAsync(b => b.Id == loaded.HomeBranchId, ct);
        Assert.Equal(source.TypeCode, loaded.MembershipType!.Code);
        Assert.Equal(source.HomeBranchCode, branch.Code);
        Assert.Equal(source.Pseudonym, loaded.Pseudonym);
        Assert.Equal(Small.Cards.Where(c => c.MembershipId == source.Id).Select(c => c.Number).Order(), loaded.Cards.Select(c => c.Number).Order());

        var person = Small.People.First(p => p.NationalIdentityNumber is not null);
        Assert.Equal(person.NationalIdentityNumber, (await check.People.SingleAsync(p => p.Id == person.Id, ct)).NationalIdentityNumber);
        await using var command = register.Connection.CreateCommand();
        command.CommandText = "SELECT NationalIdentityNumber FROM People WHERE NationalIdentityNumber IS NOT NULL LIMIT 1";
        var stored = (string?)await command.ExecuteScalarAsync(ct);
        Assert.StartsWith(TestPersonalDataProtector.Prefix, stored, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Puts_the_SQLite_cache_size_back_after_loading()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await SqliteRegister.CreateAsync();
        await using var command = register.Connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        var before = (long)(await command.ExecuteScalarAsync(ct))!;
        await using (var db = register.NewContext())
        {
            await DemoLoader.LoadAsync(db, Small, FakeHash, ct);
        }

        Assert.Equal(before, (long)(await command.ExecuteScalarAsync(ct))!);
    }

    [Fact(Timeout = 60_000)]
    public async Task Refuses_a_second_load()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await SqliteRegister.CreateAsync();
        await using (var db = register.NewContext())
        {
            await DemoLoader.LoadAsync(db, Small, FakeHash, ct);
        }

        await using var again = register.NewContext();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoLoader.LoadAsync(again, Small, FakeHash, ct));
        Assert.Contains("empty database", error.Message, StringComparison.Ordinal);
        Assert.Equal(Small.People.Count, await again.People.CountAsync(ct));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failure_half_way_leaves_nothing_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var cards = Small.Cards.ToList();
        var last = cards.FindLastIndex(c => c.LibraryCode == "stavanger");
        cards[last] = cards[last] with { Number = cards.First(c => c.LibraryCode == "stavanger").Number };
        var broken = Small with { Cards = cards };
        await using var register = await SqliteRegister.CreateAsync();

        await using (var db = register.NewContext())
        {
            // The duplicate card number breaks the unique index on (LibraryId, Number) near the very end.
            await Assert.ThrowsAnyAsync<DbException>(() => DemoLoader.LoadAsync(db, broken, FakeHash, ct));
        }

        await using var check = register.NewContext();
        Assert.Equal(0, await check.Libraries.CountAsync(ct));
        Assert.Equal(0, await check.People.CountAsync(ct));
        Assert.Equal(0, await check.Memberships.CountAsync(ct));
    }

    [Fact]
    public async Task Loaded_statuses_evaluate_like_the_generated_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var register = await SqliteRegister.CreateAsync();
        await using (var db = register.NewContext())
        {
            await DemoLoader.LoadAsync(db, Small, FakeHash, ct);
        }

        await using var check = register.NewContext();
        var rules = new MembershipStatusRules();
        var loaded = await check.Memberships.Include(m => m.MembershipType).Include(m => m.Person).ToListAsync(ct);
        var statuses = loaded.Select(m => rules.Evaluate(m, m.MembershipType!, m.Person!.BirthDate, Today)).ToList();
        Assert.Contains(MembershipStatus.Active, statuses);
        Assert.Contains(MembershipStatus.Passive, statuses);
        Assert.Contains(MembershipStatus.Lapsed, statuses);
    }
}
