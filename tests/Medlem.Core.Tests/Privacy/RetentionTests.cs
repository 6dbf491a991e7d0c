using Medlem.Core.Data;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Privacy.Requests;
using Medlem.Core.Privacy.Retention;
using Medlem.Core.Tests.TestSupport;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Privacy;

// The privacy issue, "Retention": rules per data category, configurable per library; a job runs them (one
// instance at a time); a dry run shows what would happen; every run is reported.
public sealed class RetentionTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly string _folder = Directory.CreateTempSubdirectory("medlem-retention-").FullName;
    private readonly StatisticsStore _store;

    public RetentionTests() => _store = new StatisticsStore(Path.Combine(_folder, "statistics.duckdb"));

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RetentionRunner Runner(MedlemDbContext db, RetentionOptions? options = null) => new(db,
        [new ReadingHistoryRetention(db, _store, ConsentTexts.Default), new ClosedRequestRetention(db)], options ?? new RetentionOptions(), _db.Clock);

    [Fact]
    public async Task ClosedRequests_AreDeletedAfterTheirYears_ADryRunOnlyCounts_AndEveryRunIsReported()
    {
        var (person, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        await using (var db = _db.NewContext())
        {
            var requests = new PrivacyRequests(db, _db.Clock);
            var old = (await requests.ReceiveAsync(_db.LibraryA, person, RequestKind.Access, RequestChannel.Desk, null, null, Ct)).Value!;
            await requests.CloseAsync(_db.LibraryA, old.Id, false, "Withdrawn.", null, Ct);
            _db.Clock.Advance(TimeSpan.FromDays(365 * 5 + 2));
            var recent = (await requests.ReceiveAsync(_db.LibraryA, person, RequestKind.Access, RequestChannel.Desk, null, null, Ct)).Value!;
            await requests.CloseAsync(_db.LibraryA, recent.Id, false, "Withdrawn.", null, Ct);
        }

        await using (var db = _db.NewContext())
        {
            var dry = (await Runner(db).RunAsync(dryRun: true, "test", Ct))!;
            Assert.Contains(new RetentionResult("stavanger", "closed-requests", 1), RetentionRunner.ReportOf(dry));
            Assert.Equal(2, await db.PrivacyRequests.CountAsync(Ct));

            var run = (await Runner(db).RunAsync(dryRun: false, "test", Ct))!;
            Assert.Contains(new RetentionResult("stavanger", "closed-requests", 1), RetentionRunner.ReportOf(run));
            Assert.Equal(1, await db.PrivacyRequests.CountAsync(Ct));
            Assert.Equal([(true, "test"), (false, "test")], await db.RetentionRuns.OrderBy(r => r.Id).Select(r => ValueTuple.Create(r.DryRun, r.StartedBy)).ToListAsync(Ct));
        }

        // A library's own period replaces the default: with 10 years nothing goes.
        await using (var db = _db.NewContext())
        {
            var tenYears = new RetentionOptions { Libraries = { ["stavanger"] = new RetentionPolicy { ClosedRequestYears = 10 } } };
            var run = (await Runner(db, tenYears).RunAsync(dryRun: true, "test", Ct))!;
            Assert.Contains(new RetentionResult("stavanger", "closed-requests", 0), RetentionRunner.ReportOf(run));
        }
    }

    [Fact]
    public async Task OneInstanceAtATime_ALeaseHeldElsewhereIsRespected_UntilItExpires()
    {
        await using var db = _db.NewContext();
        var until = _db.Clock.GetUtcNow().AddHours(1);
        Assert.True(await JobLeases.TryAcquireAsync(db, RetentionRunner.LeaseName, "other-instance", until, _db.Clock, Ct));
        Assert.Null(await Runner(db).RunAsync(dryRun: true, "test", Ct));
        Assert.False(await JobLeases.TryAcquireAsync(db, RetentionRunner.LeaseName, "third", until, _db.Clock, Ct));

        _db.Clock.Advance(TimeSpan.FromHours(2)); // the other instance died holding it
        Assert.NotNull(await Runner(db).RunAsync(dryRun: true, "test", Ct));
        Assert.NotNull(await Runner(db).RunAsync(dryRun: true, "test", Ct)); // released after each run
    }

    [Fact]
    public async Task Titles_AreKeptOnlyForMembersWhoseReadingHistoryConsentCounts()
    {
        var (_, kari) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        var (_, ola) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Ola"));
        await using var db = _db.NewContext();
        var pseudonyms = await db.Memberships.Where(m => m.Id == kari || m.Id == ola).ToDictionaryAsync(m => m.Id, m => m.Pseudonym, Ct);
        await new Consents(db, _store, ConsentTexts.Default, _db.Clock)
            .SetAsync(_db.LibraryA, kari, ConsentPurpose.ReadingHistory, true, 1, new ConsentAct(ConsentChannel.Desk, ConsentActor.Staff), Ct);

        // Both have two loans with titles (Ola's from before the rule, say an import under an earlier consent).
        await using (var connection = await _store.OpenAsync(Ct))
        {
            using var staging = await FactStaging.StartAsync(connection, 1, (short)_db.LibraryA, Ct);
            var facts = pseudonyms.Values.SelectMany((p, n) => Enumerable.Range(0, 2).Select(i => new Fact
            {
                Key = (n * 10) + i + 1, LibraryId = (short)_db.LibraryA, Day = new DateOnly(2026, 10, 1 + i), Kind = FactKind.Loan, Match = MatchKind.Member,
                Member = staging.Numbers.Member(p), Title = staging.Numbers.LargeCode($"title-{n}-{i}"),
            })).ToArray();
            staging.Append(facts);
            staging.Complete();
            await FactCommit.CommitAsync(connection, staging, Ct);
        }

        var dry = (await Runner(db).RunAsync(dryRun: true, "test", Ct))!;
        Assert.Contains(new RetentionResult("stavanger", "reading-history", 2), RetentionRunner.ReportOf(dry));
        var run = (await Runner(db).RunAsync(dryRun: false, "test", Ct))!;
        Assert.Contains(new RetentionResult("stavanger", "reading-history", 2), RetentionRunner.ReportOf(run));

        await using var check = await _store.OpenAsync(Ct);
        Assert.Equal(2, await check.ScalarAsync<long>("SELECT count(*) FROM title", Ct));
        Assert.Equal(2, await check.ScalarAsync<long>(
            $"SELECT count(*) FROM title t JOIN fact_row f ON f.key = t.key AND f.day = t.day JOIN member m ON m.member_id = f.who WHERE m.pseudonym = '{pseudonyms[kari]}'", Ct));
    }

    [Fact]
    public async Task AnUnverifiedSignUp_IsErasedAfterThirtyDays_AVerifiedOneStays()
    {
        var (unverifiedPerson, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Uverifisert") with { Verification = Core.Members.VerificationLevel.None });
        var (verifiedPerson, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Verifisert"));
        using var http = new HttpClient();
        await using var db = _db.NewContext();
        var rule = new UnverifiedSignUpRetention(db, new Core.Privacy.Erasure.ErasePerson(db, _store, _db.Clock, [], new Core.Privacy.Erasure.ErasureWebhook(http, new Core.Privacy.Erasure.PrivacyOptions())));
        var library = await db.Libraries.SingleAsync(l => l.Id == _db.LibraryA, Ct);

        _db.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await rule.ApplyAsync(new RetentionScope(library, new RetentionPolicy(), _db.Clock.GetUtcNow(), DryRun: false), Ct));
        _db.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await rule.ApplyAsync(new RetentionScope(library, new RetentionPolicy(), _db.Clock.GetUtcNow(), DryRun: true), Ct));
        Assert.True(await db.People.AnyAsync(p => p.Id == unverifiedPerson, Ct)); // a dry run only counts
        Assert.Equal(1, await rule.ApplyAsync(new RetentionScope(library, new RetentionPolicy(), _db.Clock.GetUtcNow(), DryRun: false), Ct));

        await using var check = _db.NewContext();
        Assert.False(await check.People.AnyAsync(p => p.Id == unverifiedPerson, Ct));
        Assert.True(await check.People.AnyAsync(p => p.Id == verifiedPerson, Ct));
    }

    [Fact]
    public async Task AtFifteen_TheGuardianLinkGoes_AndAGuardianNobodyNeedsAnyMoreIsDeleted()
    {
        Guid NewPerson(MedlemDbContext db, string given)
        {
            var person = new Core.Members.Person { Id = Guid.NewGuid(), GivenName = given, FamilyName = "Foresatt", BirthDate = new DateOnly(1980, 1, 1), CreatedAt = TestClock.Now, UpdatedAt = TestClock.Now };
            db.People.Add(person);
            return person.Id;
        }

        Guid onlyGuardian, stillChild;
        await using (var setup = _db.NewContext())
        {
            onlyGuardian = NewPerson(setup, "Eneste");
            stillChild = NewPerson(setup, "Fortsatt");
            await setup.SaveChangesAsync(Ct);
        }

        var (memberGuardian, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Medlem"));
        // Two children who turned 15 this year (born 1 June 2011), one with a guardian who is nobody else, one whose guardian is a member;
        // and a child of 10 whose guardian stays.
        var fifteen = new DateOnly(2011, 6, 1);
        var (grownA, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Femten", "A", fifteen, Core.Members.DefaultMembershipTypes.Codes.Youth));
        var (grownB, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Femten", "B", fifteen, Core.Members.DefaultMembershipTypes.Codes.Youth) with { GuardianIds = [memberGuardian] });
        var (child, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Child() with { GuardianIds = [memberGuardian] });
        await using (var setup = _db.NewContext())
        {
            // Guardians without a membership of their own (registration only takes guardians the library can see).
            setup.Guardianships.Add(new Core.Members.Guardianship { ChildId = grownA, GuardianId = onlyGuardian, CreatedAt = TestClock.Now });
            setup.Guardianships.Add(new Core.Members.Guardianship { ChildId = child, GuardianId = stillChild, CreatedAt = TestClock.Now });
            await setup.SaveChangesAsync(Ct);
        }

        await using var db = _db.NewContext();
        var rule = new GuardianRetention(db, _db.Clock);
        var library = await db.Libraries.SingleAsync(l => l.Id == _db.LibraryA, Ct);
        Assert.Equal(2, await rule.ApplyAsync(new RetentionScope(library, new RetentionPolicy(), TestClock.Now, DryRun: true), Ct));
        Assert.Equal(4, await db.Guardianships.CountAsync(Ct));
        Assert.Equal(2, await rule.ApplyAsync(new RetentionScope(library, new RetentionPolicy(), TestClock.Now, DryRun: false), Ct));

        await using var check = _db.NewContext();
        Assert.Equal([child, child], await check.Guardianships.Select(g => g.ChildId).ToListAsync(Ct));
        Assert.False(await check.People.AnyAsync(p => p.Id == onlyGuardian, Ct));
        Assert.True(await check.People.AnyAsync(p => p.Id == memberGuardian, Ct));
        Assert.True(await check.People.AnyAsync(p => p.Id == stillChild, Ct));
        Assert.True(await check.People.AnyAsync(p => p.Id == grownA || p.Id == grownB, Ct));
    }
}
