using Medlem.Core.Activity;
using Medlem.Core.Data;
using Medlem.Core.Messaging;
using Medlem.Core.Privacy.Erasure;
using Medlem.Core.Privacy.Restriction;
using Medlem.Core.Tests.Activity;
using Medlem.Statistics.Privacy;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Privacy;

/// <summary>
/// Restriction (art. 18), objection to statistics (art. 21) and legal holds (art. 17(3)): what
/// the law requires to keep is kept, restricted, and erased once settled; an objection stops
/// the linking of a member's use at once, and the facts so far stay counted but anonymous.
/// </summary>
public sealed class RestrictionTests : IDisposable
{
    private static readonly string KariLoans = string.Join("\n",
        "datetime,branch,type,itemnumber,itemtype,borrowernumber,ccode,categorycode",
        "2026-11-02 10:15:00,solvberget,issue,48211,BOK,20417,SKJØNN,V",
        "2026-11-03 11:00:00,madla,issue,48212,BOK,20417,FAKTA,V") + "\n";

    private readonly ImportHarness _h = ImportHarness.CreateAsync().GetAwaiter().GetResult();

    public void Dispose() => _h.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ErasureWithAnOpenFee_RestrictsTheMembership_BreaksItsStatisticsLink_AndErasesWhenSettled()
    {
        await _h.ImportAsync(ImportKind.Loans, KariLoans, ImportFormat.Koha);
        var kari = _h["Kari"];
        var (personId, oldPseudonym) = await MembershipAsync(kari.MembershipId);
        await using var db = _h.NewContext();
        var restrictions = Restrictions(db);
        var hold = await restrictions.AddHoldAsync(_h.LibraryA, kari.MembershipId, LegalHoldKind.UnpaidFee, "FAKTURA-1042", 350m, Ct);

        var outcome = await Erasure(db).RunAsync(_h.LibraryA, personId, Ct);

        Assert.Equal(ErasureStatus.Held, outcome.Status);
        Assert.Equal(("erasure.hold.fee", "FAKTURA-1042 (350,00 kr)"), (Assert.Single(outcome.Holds).Code, outcome.Holds[0].Reason));
        await using (var check = _h.NewContext())
        {
            var membership = await check.Memberships.SingleAsync(m => m.Id == kari.MembershipId, Ct);
            Assert.Equal(ProcessingLimit.ErasurePending, membership.Limit);
            Assert.NotEqual(oldPseudonym, membership.Pseudonym);
        }

        Assert.Empty(await LinkedFactsAsync(oldPseudonym));
        Assert.Equal(2, (await _h.FactsAsync()).Count); // still counted, no longer Kari's

        await restrictions.SettleHoldAsync(_h.LibraryA, hold.Value!.Id, Ct);

        await using var after = _h.NewContext();
        Assert.False(await after.Memberships.AnyAsync(m => m.Id == kari.MembershipId, Ct));
        Assert.Equal(2, (await _h.FactsAsync()).Count);
    }

    [Fact]
    public async Task AnErasurePending_IsCompletedByTheNightlyRule_OnlyOnceEveryHoldIsSettled()
    {
        var kari = _h["Kari"];
        var (personId, _) = await MembershipAsync(kari.MembershipId);
        await using var db = _h.NewContext();
        var restrictions = Restrictions(db);
        await restrictions.AddHoldAsync(_h.LibraryA, kari.MembershipId, LegalHoldKind.OpenLoan, "LÅN-77", null, Ct);
        Assert.Equal(ErasureStatus.Held, (await Erasure(db).RunAsync(_h.LibraryA, personId, Ct)).Status);
        var rule = new PendingErasureRetention(db, Erasure(db));
        var library = await db.Libraries.SingleAsync(l => l.Id == _h.LibraryA, Ct);
        var scope = new Core.Privacy.Retention.RetentionScope(library, new Core.Privacy.Retention.RetentionPolicy(), _h.Database.Clock.GetUtcNow(), DryRun: false);

        Assert.Equal(0, await rule.ApplyAsync(scope, Ct));
        await db.LegalHolds.ExecuteUpdateAsync(s => s.SetProperty(h => h.SettledAt, _h.Database.Clock.GetUtcNow()), Ct); // settled in the library system
        Assert.Equal(1, await rule.ApplyAsync(scope, Ct));

        await using var after = _h.NewContext();
        Assert.False(await after.Memberships.AnyAsync(m => m.Id == kari.MembershipId, Ct));
    }

    [Fact]
    public async Task AnObjection_BreaksTheLinkAtOnce_AndLaterUseIsCountedAsAnUnknownVisitors()
    {
        await _h.ImportAsync(ImportKind.Loans, KariLoans, ImportFormat.Koha);
        var kari = _h["Kari"];
        var (_, oldPseudonym) = await MembershipAsync(kari.MembershipId);
        await using var db = _h.NewContext();

        var outcome = await Restrictions(db).LimitAsync(_h.LibraryA, kari.MembershipId, ProcessingLimit.ObjectedToStatistics, Ct);

        Assert.Equal(ProcessingLimit.ObjectedToStatistics, outcome.Value!.Limit);
        Assert.Empty(await LinkedFactsAsync(oldPseudonym));
        Assert.Empty(await LinkedFactsAsync(outcome.Value.Pseudonym));
        var later = await _h.ImportAsync(ImportKind.Loans, KariLoans.Replace("2026-11-0", "2026-11-1", StringComparison.Ordinal), ImportFormat.Koha);
        Assert.Equal((2, 2), (later.RowsLoaded, later.RowsUnmatched));
        Assert.Empty(await LinkedFactsAsync(outcome.Value.Pseudonym));
    }

    [Fact]
    public async Task ARestriction_CanBeLifted_ButAnErasurePendingCannot_AndAnotherLibrarysMembershipIsNotFound()
    {
        var kari = _h["Kari"];
        await using var db = _h.NewContext();
        var restrictions = Restrictions(db);

        Assert.Equal(ProcessingLimit.Restricted, (await restrictions.LimitAsync(_h.LibraryA, kari.MembershipId, ProcessingLimit.Restricted, Ct)).Value!.Limit);
        Assert.Equal(ProcessingLimit.None, (await restrictions.LiftAsync(_h.LibraryA, kari.MembershipId, Ct)).Value!.Limit);
        Assert.True((await restrictions.LimitAsync(_h.LibraryB, kari.MembershipId, ProcessingLimit.Restricted, Ct)).NotFound);
        Assert.False((await restrictions.LimitAsync(_h.LibraryA, kari.MembershipId, ProcessingLimit.ErasurePending, Ct)).Succeeded);

        var invalid = await restrictions.AddHoldAsync(_h.LibraryA, kari.MembershipId, LegalHoldKind.UnpaidFee, " ", -5m, Ct);
        Assert.Equal(["amount", "reference"], invalid.Errors.ByField.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await db.LegalHolds.CountAsync(Ct));
    }

    private Restrictions Restrictions(MedlemDbContext db) => new(db, _h.Store, Erasure(db), _h.Database.Clock);

    private ErasePerson Erasure(MedlemDbContext db) =>
        new(db, _h.Store, _h.Database.Clock, [new LegalHoldErasureHold(db)], new ErasureWebhook(new HttpClient(), new PrivacyOptions()));

    private async Task<(Guid PersonId, Guid Pseudonym)> MembershipAsync(Guid membershipId)
    {
        await using var db = _h.NewContext();
        var m = await db.Memberships.AsNoTracking().SingleAsync(m => m.Id == membershipId, Ct);
        return (m.PersonId, m.Pseudonym);
    }

    private async Task<List<MemberFact>> LinkedFactsAsync(Guid pseudonym)
    {
        await using var connection = await _h.OpenStoreAsync();
        return await MemberLinks.FactsAsync(connection, (short)_h.LibraryA, [pseudonym], Ct);
    }
}
