using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit;

namespace Medlem.Core.Tests.Members;

/// <summary>
/// Two desks take the same free card number at once: the check passes for both, the unique
/// index stops the second at save time. The second must get the ordinary validation error and
/// nothing of its registration may be stored.
/// </summary>
public class CardNumberRaceTests
{
    [Fact]
    public async Task Register_CardTakenBetweenCheckAndSave_IsCardDuplicate_AndStoresNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = TestDatabase.Create();
        var before = database.CountRows();
        var rival = new RivalDesk(database, "RACE0001");
        var options = new DbContextOptionsBuilder<MedlemDbContext>()
            .UseSqlite(database.Connection, o => o.MigrationsAssembly("Medlem.Migrations.Sqlite"))
            .AddInterceptors(rival)
            .Options;
        await using var db = new MedlemDbContext(options, TestPersonalDataProtector.Instance);

        var outcome = await new RegisterMember(db, database.Rules, database.Clock)
            .RunAsync(database.LibraryA, TestMembers.Adult() with { CardNumber = "RACE0001" }, ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal(["card.duplicate"], outcome.Errors.ByField["CardNumber"]);
        var after = database.CountRows();
        Assert.Equal(before.People + 1, after.People); // the rival's registration only
        Assert.Equal(before.Cards + 1, after.Cards);
    }

    /// <summary>Registers another member with the same card number just before the first save.</summary>
    private sealed class RivalDesk(TestDatabase database, string cardNumber) : SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await database.RegisteredAsync(database.LibraryA, TestMembers.Adult("Rask", "Rival") with { CardNumber = cardNumber });
            }

            return result;
        }
    }
}
