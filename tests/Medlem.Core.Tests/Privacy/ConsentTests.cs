using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Consents;
using Medlem.Core.Tests.TestSupport;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Privacy;

// The privacy issue, "Consents": default off (privacy by default, GDPR art. 25(2)); given with time, channel,
// text version and who acted; withdrawal at once, and withdrawing the reading history deletes the kept titles;
// under 13 a guardian consents (personopplysningsloven § 5); no profiling of children (GDPR recital 71);
// a materially changed text asks again while the old consent stays on record.
public sealed class ConsentTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly string _folder = Directory.CreateTempSubdirectory("medlem-consents-").FullName;
    private readonly StatisticsStore _store;

    public ConsentTests() => _store = new StatisticsStore(Path.Combine(_folder, "statistics.duckdb"));

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Consents Service(MedlemDbContext db, ConsentTexts? texts = null) => new(db, _store, texts ?? ConsentTexts.Default, _db.Clock);

    private static readonly ConsentAct AtDesk = new(ConsentChannel.Desk, ConsentActor.Staff, StaffAccountId: 7);

    [Fact]
    public async Task EveryPurpose_IsOffUntilGiven_AndAGivenConsentIsRecordedWithItsCircumstances()
    {
        var (_, membership) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        await using var db = _db.NewContext();
        var consents = Service(db);
        Assert.All((await consents.StatesAsync(_db.LibraryA, membership, Ct))!, s => Assert.False(s.Given));

        var given = await consents.SetAsync(_db.LibraryA, membership, ConsentPurpose.Newsletter, true, 1, AtDesk, Ct);
        Assert.True(given.Succeeded, given.Errors.ToString());
        var states = (await consents.StatesAsync(_db.LibraryA, membership, Ct))!;
        Assert.Equal([ConsentPurpose.Newsletter], states.Where(s => s.Given).Select(s => s.Purpose));
        var record = Assert.Single((await consents.HistoryAsync(_db.LibraryA, membership, Ct))!);
        Assert.Equal((true, ConsentChannel.Desk, 1, ConsentActor.Staff, (int?)7, TestClock.Now), (record.Given, record.Channel, record.TextVersion, record.ActedBy, record.StaffAccountId, record.At));

        // Withdrawn at once; both records stay.
        Assert.True((await consents.SetAsync(_db.LibraryA, membership, ConsentPurpose.Newsletter, false, 1, AtDesk, Ct)).Succeeded);
        Assert.False((await consents.StatesAsync(_db.LibraryA, membership, Ct))!.Single(s => s.Purpose == ConsentPurpose.Newsletter).Given);
        Assert.Equal([false, true], (await consents.HistoryAsync(_db.LibraryA, membership, Ct))!.Select(r => r.Given));

        // Another library cannot see or set it.
        Assert.Null(await consents.StatesAsync(_db.LibraryB, membership, Ct));
        Assert.True((await consents.SetAsync(_db.LibraryB, membership, ConsentPurpose.Sms, true, 1, AtDesk, Ct)).NotFound);
    }

    [Fact]
    public async Task UnderThirteen_OnlyAGuardianConsents_FromThirteenTheChildDecides_AndNoChildIsProfiled()
    {
        var (guardianId, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Anne", "Nordmann"));
        var (strangerId, _) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Per", "Fremmed"));
        var (_, child) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Child() with { GuardianIds = [guardianId] }); // 10 years old

        await using var db = _db.NewContext();
        var consents = Service(db);
        Assert.Equal("consent.guardian-required", Code(await consents.SetAsync(_db.LibraryA, child, ConsentPurpose.Newsletter, true, 1, AtDesk, Ct)));
        Assert.Equal("guardian.unknown", Code(await consents.SetAsync(_db.LibraryA, child, ConsentPurpose.Newsletter, true, 1,
            new ConsentAct(ConsentChannel.Desk, ConsentActor.Guardian, strangerId, 7), Ct)));
        var byGuardian = await consents.SetAsync(_db.LibraryA, child, ConsentPurpose.Newsletter, true, 1, new ConsentAct(ConsentChannel.Desk, ConsentActor.Guardian, guardianId, 7), Ct);
        Assert.True(byGuardian.Succeeded, byGuardian.Errors.ToString());
        Assert.Equal((ConsentActor.Guardian, (Guid?)guardianId), (byGuardian.Value!.ActedBy, byGuardian.Value.GuardianId));

        // A teenager of 14 decides alone; a guardian may not decide for them; recommendations are not offered.
        var (_, teen) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Ida", "Ung", new DateOnly(2012, 1, 1), DefaultMembershipTypes.Codes.Child) with { GuardianIds = [guardianId] });
        Assert.True((await consents.SetAsync(_db.LibraryA, teen, ConsentPurpose.Sms, true, 1, new ConsentAct(ConsentChannel.MemberPage, ConsentActor.Member), Ct)).Succeeded);
        Assert.Equal("consent.own-decision", Code(await consents.SetAsync(_db.LibraryA, teen, ConsentPurpose.Sms, false, 1,
            new ConsentAct(ConsentChannel.Desk, ConsentActor.Guardian, guardianId, 7), Ct)));
        Assert.Equal("consent.no-profiling-of-children", Code(await consents.SetAsync(_db.LibraryA, teen, ConsentPurpose.Recommendations, true, 1,
            new ConsentAct(ConsentChannel.MemberPage, ConsentActor.Member), Ct)));
    }

    [Fact]
    public async Task AMateriallyChangedText_AsksAgain_AndTheOldConsentStaysOnRecord()
    {
        var (_, membership) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        await using var db = _db.NewContext();
        Assert.True((await Service(db).SetAsync(_db.LibraryA, membership, ConsentPurpose.Newsletter, true, 1, AtDesk, Ct)).Succeeded);

        var changed = new ConsentTexts([.. ConsentTexts.Default.All,
            new ConsentText(ConsentPurpose.Newsletter, 2, new DateOnly(2026, 11, 1), Material: true, "Nyhetsbrev også fra partnere.", "Newsletters from partners too."),
            new ConsentText(ConsentPurpose.Sms, 2, new DateOnly(2026, 11, 1), Material: false, "SMS (retting av skrivefeil).", "SMS (typo fixed).")]);
        var consents = Service(db, changed);
        var newsletter = (await consents.StatesAsync(_db.LibraryA, membership, Ct))!.Single(s => s.Purpose == ConsentPurpose.Newsletter);
        Assert.Equal((false, true, 2), (newsletter.Given, newsletter.NeedsRenewal, newsletter.Text.Version));

        // Consent is given to the text in force, not an old one; then it counts again and both records stay.
        Assert.Equal("consent.text-outdated", Code(await consents.SetAsync(_db.LibraryA, membership, ConsentPurpose.Newsletter, true, 1, AtDesk, Ct)));
        Assert.True((await consents.SetAsync(_db.LibraryA, membership, ConsentPurpose.Newsletter, true, 2, AtDesk, Ct)).Succeeded);
        Assert.True((await consents.StatesAsync(_db.LibraryA, membership, Ct))!.Single(s => s.Purpose == ConsentPurpose.Newsletter).Given);
        Assert.Equal([2, 1], (await consents.HistoryAsync(_db.LibraryA, membership, Ct))!.Select(r => r.TextVersion));

        // A change that is not material does not ask again: an SMS consent to version 1 still counts under version 2.
        Assert.True((await Service(db).SetAsync(_db.LibraryA, membership, ConsentPurpose.Sms, true, 1, AtDesk, Ct)).Succeeded);
        Assert.True((await consents.StatesAsync(_db.LibraryA, membership, Ct))!.Single(s => s.Purpose == ConsentPurpose.Sms).Given);
    }

    [Fact]
    public async Task WithdrawingTheReadingHistory_DeletesTheKeptTitlesAtOnce_AndKeepsTheLoansCounted()
    {
        var (_, kari) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        var (_, ola) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Ola"));
        Guid kariPseudonym, olaPseudonym;
        await using (var read = _db.NewContext())
        {
            kariPseudonym = await read.Memberships.Where(m => m.Id == kari).Select(m => m.Pseudonym).SingleAsync(Ct);
            olaPseudonym = await read.Memberships.Where(m => m.Id == ola).Select(m => m.Pseudonym).SingleAsync(Ct);
        }

        // Three loans with titles kept for Kari, two for Ola (both had consented, as the importer requires).
        await using (var connection = await _store.OpenAsync(Ct))
        {
            using var staging = await FactStaging.StartAsync(connection, 1, (short)_db.LibraryA, Ct);
            var facts = new List<Fact>();
            foreach (var (pseudonym, loans) in new[] { (kariPseudonym, 3), (olaPseudonym, 2) })
            {
                var number = staging.Numbers.Member(pseudonym);
                for (var i = 0; i < loans; i++)
                {
                    facts.Add(new Fact
                    {
                        Key = (number * 100) + i, LibraryId = (short)_db.LibraryA, Day = new DateOnly(2026, 10, 1 + i), Kind = FactKind.Loan,
                        Match = MatchKind.Member, Member = number, Title = staging.Numbers.LargeCode($"title-{number}-{i}"),
                    });
                }
            }

            staging.Append(facts.ToArray());
            staging.Complete();
            await FactCommit.CommitAsync(connection, staging, Ct);
        }

        await using var db = _db.NewContext();
        var consents = Service(db);
        Assert.True((await consents.SetAsync(_db.LibraryA, kari, ConsentPurpose.ReadingHistory, true, 1, AtDesk, Ct)).Succeeded);
        Assert.True((await consents.SetAsync(_db.LibraryA, kari, ConsentPurpose.ReadingHistory, false, 1, AtDesk, Ct)).Succeeded);

        await using var check = await _store.OpenAsync(Ct);
        Assert.Equal(2, await check.ScalarAsync<long>("SELECT count(*) FROM title", Ct));
        Assert.Equal(5, await check.ScalarAsync<long>("SELECT count(*) FROM fact_row WHERE flags & 255 = 1", Ct));
    }

    [Fact]
    public async Task TheImporter_KeepsTitlesOnlyForMembersWhoseReadingHistoryConsentCounts()
    {
        var (_, kari) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult());
        var (_, ola) = await _db.RegisteredAsync(_db.LibraryA, TestMembers.Adult("Ola"));
        await using var db = _db.NewContext();
        var consents = Service(db);
        Assert.True((await consents.SetAsync(_db.LibraryA, kari, ConsentPurpose.ReadingHistory, true, 1, AtDesk, Ct)).Succeeded);
        Assert.True((await consents.SetAsync(_db.LibraryA, ola, ConsentPurpose.ReadingHistory, true, 1, AtDesk, Ct)).Succeeded);
        Assert.True((await consents.SetAsync(_db.LibraryA, ola, ConsentPurpose.ReadingHistory, false, 1, AtDesk, Ct)).Succeeded);

        Assert.Equal([kari], await Consents.KeepingReadingHistoryAsync(db, ConsentTexts.Default, _db.LibraryA, Ct));
    }

    private static string? Code<T>(Outcome<T> outcome) => outcome.Errors.ByField.SelectMany(e => e.Value).FirstOrDefault();
}
