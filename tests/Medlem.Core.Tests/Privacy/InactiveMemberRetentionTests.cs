using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Messaging;
using Medlem.Core.Privacy.Erasure;
using Medlem.Core.Privacy.Retention;
using Medlem.Core.Tests.TestSupport;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Privacy;

/// <summary>
/// The privacy issue's rule: members with no recorded use for 5 years (digital logins count)
/// are notified, then deleted; use within the notice period keeps them.
/// </summary>
public sealed class InactiveMemberRetentionTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly string _folder = Directory.CreateTempSubdirectory("medlem-inactive-").FullName;
    private readonly StatisticsStore _store;

    public InactiveMemberRetentionTests() => _store = new StatisticsStore(Path.Combine(_folder, "statistics.duckdb"));

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterFiveYearsWithoutUse_TheMemberIsToldFirst_ThenDeletedWhenTheNoticePeriodHasPassed()
    {
        var (told, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Varslet"));
        var (unreachable, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Uten", "Adresse"));
        var (signedIn, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Logget", "Inn"));
        var notifier = new RecordingNotifier(_db, reachable: [told]);

        // One day short of five years nothing happens; the member who signs in to Min side then has used the library.
        _db.Clock.Advance(TimeSpan.FromDays((5 * 365) + 1 - 2)); // 2026-11-28 + 5 years is 2031-11-28, 1,826 days (one leap day): two days short
        Assert.Equal(0, await RunAsync(notifier, dryRun: false));
        await using (var setup = _db.NewContext())
        {
            setup.MemberAccounts.Add(new MemberAccount { PersonId = signedIn, LastSignInAt = _db.Clock.GetUtcNow(), CreatedAt = _db.Clock.GetUtcNow() });
            await setup.SaveChangesAsync(Ct);
        }

        _db.Clock.Advance(TimeSpan.FromDays(3)); // past five years: the membership began 2026-11-28
        Assert.Equal(2, await RunAsync(notifier, dryRun: true));
        Assert.Empty(notifier.Told); // a dry run tells nobody
        Assert.Equal(2, await RunAsync(notifier, dryRun: false));
        Assert.Equal([told], notifier.Told);
        Assert.Equal([told, signedIn], await PeopleAsync(told, unreachable, signedIn)); // without an address: deleted at once

        _db.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await RunAsync(notifier, dryRun: false));
        _db.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await RunAsync(notifier, dryRun: false));
        Assert.Equal([told], notifier.Told); // told once
        Assert.Equal([signedIn], await PeopleAsync(told, unreachable, signedIn));
    }

    [Fact]
    public async Task UseAfterTheNotice_KeepsTheMembership()
    {
        var (told, membership) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Kom", "Tilbake"));
        var notifier = new RecordingNotifier(_db, reachable: [told]);
        _db.Clock.Advance(TimeSpan.FromDays((5 * 365) + 2));
        Assert.Equal(1, await RunAsync(notifier, dryRun: false));

        // A loan ten days after the notice, as the activity import records it.
        _db.Clock.Advance(TimeSpan.FromDays(10));
        await using (var setup = _db.NewContext())
        {
            await setup.Memberships.Where(m => m.Id == membership)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastUsedOn, DateOnly.FromDateTime(_db.Clock.GetUtcNow().UtcDateTime)), Ct);
        }

        _db.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await RunAsync(notifier, dryRun: false));
        Assert.Equal([told], await PeopleAsync(told));
    }

    [Fact]
    public async Task ALargeBacklog_IsWorkedOffOverSeveralRuns_AtMostTheLimitEachTime()
    {
        var people = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            people.Add((await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Inaktiv", new[] { "Ask", "Berg", "Dal" }[i]))).PersonId);
        }

        var notifier = new RecordingNotifier(_db, reachable: []);
        _db.Clock.Advance(TimeSpan.FromDays((5 * 365) + 2));
        var policy = new RetentionPolicy { InactiveActionsPerRun = 2 };

        Assert.Equal(2, await RunAsync(notifier, dryRun: false, policy));
        Assert.Single(await PeopleAsync([.. people]));
        Assert.Equal(1, await RunAsync(notifier, dryRun: false, policy));
        Assert.Empty(await PeopleAsync([.. people]));
    }

    private async Task<long> RunAsync(IInactivityNotifier notifier, bool dryRun, RetentionPolicy? policy = null)
    {
        await using var db = _db.NewContext();
        using var http = new HttpClient();
        var rule = new InactiveMemberRetention(db, new ErasePerson(db, _store, _db.Clock, [], new ErasureWebhook(http, new PrivacyOptions())), notifier);
        var library = await db.Libraries.SingleAsync(l => l.Id == _db.LibraryA, Ct);
        return await rule.ApplyAsync(new RetentionScope(library, policy ?? new RetentionPolicy(), _db.Clock.GetUtcNow(), dryRun), Ct);
    }

    private async Task<List<Guid>> PeopleAsync(params Guid[] candidates)
    {
        await using var db = _db.NewContext();
        var present = await db.People.Where(p => candidates.Contains(p.Id)).Select(p => p.Id).ToListAsync(Ct);
        return candidates.Where(present.Contains).ToList();
    }

    /// <summary>Records a notice as the mail notifier does (a <see cref="SentMessage"/>), for the people given an address.</summary>
    private sealed class RecordingNotifier(TestDatabase database, IReadOnlyList<Guid> reachable) : IInactivityNotifier
    {
        public List<Guid> Told { get; } = [];

        public async Task<bool> NotifyAsync(int libraryId, Guid personId, CancellationToken ct)
        {
            if (!reachable.Contains(personId))
            {
                return false;
            }

            await using MedlemDbContext db = database.NewContext();
            db.SentMessages.Add(new SentMessage { PersonId = personId, LibraryId = libraryId, Template = IInactivityNotifier.Template, SentTo = "varslet@example.org", SentAt = database.Clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            Told.Add(personId);
            return true;
        }
    }
}
