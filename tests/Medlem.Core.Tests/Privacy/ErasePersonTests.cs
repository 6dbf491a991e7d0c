using Medlem.Core.Privacy.Erasure;
using Medlem.Core.Tests.Activity;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Privacy;

/// <summary>Erasure within one controller's reach: what stays for another library, and what a hold stops.</summary>
public sealed class ErasePersonTests
{
    [Fact]
    public async Task Erase_PersonWithAMembershipOfAnotherLibrary_KeepsThePersonForThatController()
    {
        using var harness = await ImportHarness.CreateAsync();
        var kari = harness["Kari"];
        var personId = await PersonIdAsync(harness, kari.MembershipId);
        var sandnes = await harness.Database.AddMembershipAsync(personId, harness.LibraryB, "3999999999");

        var outcome = await EraseAsync(harness, harness.LibraryA, personId);

        Assert.Equal(ErasureStatus.Erased, outcome.Status);
        Assert.False(outcome.Result!.PersonErased);
        Assert.Equal([ImportFixture.KariBorrowernumber], outcome.Result.Instruction.LibrarySystemIds.Select(i => i.Id));
        Assert.Equal([kari.Card], outcome.Result.Instruction.CardNumbers);
        await using var db = harness.Database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal([sandnes], await db.Memberships.Where(m => m.PersonId == personId).Select(m => m.Id).ToListAsync(ct));
        Assert.True(await db.ContactPoints.AnyAsync(c => c.PersonId == personId, ct));
        Assert.False(await db.SourceIdentities.AnyAsync(s => s.MembershipId == kari.MembershipId, ct));
        Assert.False(await db.Cards.AnyAsync(c => c.Number == kari.Card, ct));
    }

    [Fact]
    public async Task Erase_WithAHold_ErasesNothingYet_ButRestrictsTheMembership()
    {
        using var harness = await ImportHarness.CreateAsync();
        var personId = await PersonIdAsync(harness, harness["Kari"].MembershipId);

        var outcome = await EraseAsync(harness, harness.LibraryA, personId, new UnpaidFee());

        Assert.Equal(ErasureStatus.Held, outcome.Status);
        Assert.Equal("erasure.hold.fee", Assert.Single(outcome.Holds).Code);
        Assert.Equal(5, harness.Database.CountRows().Memberships);
        await using var db = harness.Database.NewContext();
        Assert.Equal(Core.Privacy.Restriction.ProcessingLimit.ErasurePending,
            await db.Memberships.Where(m => m.PersonId == personId).Select(m => m.Limit).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Erase_MemberOfAnotherLibrary_IsNotFound()
    {
        using var harness = await ImportHarness.CreateAsync();
        var siri = await PersonIdAsync(harness, harness["Siri"].MembershipId);

        Assert.Equal(ErasureStatus.NotFound, (await EraseAsync(harness, harness.LibraryA, siri)).Status);
        Assert.Equal(5, harness.Database.CountRows().Memberships);
    }

    private static async Task<ErasureOutcome> EraseAsync(ImportHarness harness, int libraryId, Guid personId, params IErasureHold[] holds)
    {
        await using var db = harness.Database.NewContext();
        using var http = new HttpClient();
        var erase = new ErasePerson(db, harness.Store, harness.Database.Clock, holds, new ErasureWebhook(http, new PrivacyOptions()));
        return await erase.RunAsync(libraryId, personId, TestContext.Current.CancellationToken);
    }

    private static async Task<Guid> PersonIdAsync(ImportHarness harness, Guid membershipId)
    {
        await using var db = harness.Database.NewContext();
        return await db.Memberships.Where(m => m.Id == membershipId).Select(m => m.PersonId).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What a fees feature would register: the seam's contract, exercised.</summary>
    private sealed class UnpaidFee : IErasureHold
    {
        public Task<IReadOnlyList<ErasureHoldReason>> HoldsAsync(int libraryId, Guid personId, IReadOnlyList<Guid> membershipIds, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<ErasureHoldReason>>([new ErasureHoldReason("erasure.hold.fee", "Erstatningsgebyr 350 kr")]);
    }
}
