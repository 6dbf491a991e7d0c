using Medlem.Statistics;
using Medlem.Statistics.Insight;

namespace Medlem.Core.Tests.Insight;

/// <summary>
/// A statistics store in a temporary folder, filled the way Medlem fills it: memberships through
/// the roster copy, facts through staging and commit (so the aggregates are the real ones).
/// Members are named by small numbers in the tests; each gets a pseudonym here.
/// </summary>
internal sealed class InsightStore : IDisposable
{
    public const short Library = 1;

    private readonly string _folder = Directory.CreateTempSubdirectory("medlem-insight-").FullName;
    private readonly Dictionary<int, Guid> _pseudonyms = [];
    private readonly List<Fact> _facts = [];
    private readonly List<EventEntry> _events = [];
    private readonly List<VisitCount> _visits = [];
    private readonly List<(int Member, short Library, short? Branch, short Type, DateOnly Born, DateOnly From, DateOnly? To, DateOnly? Blocked)> _roster = [];
    private long _key;
    private int _imports;

    public InsightStore() => Store = new StatisticsStore(Path.Combine(_folder, "statistics.duckdb"));

    public StatisticsStore Store { get; }

    public void Member(int member, string born, string validFrom, string? validTo = null, short type = 1, short? branch = null, string? blocked = null, short library = Library) =>
        _roster.Add((member, library, branch, type, DateOnly.Parse(born + "-01", System.Globalization.CultureInfo.InvariantCulture), Day(validFrom),
            validTo is null ? null : Day(validTo), blocked is null ? null : Day(blocked)));

    public void Use(int member, FactKind kind, string day, short? branch = null, string eventId = "", short library = Library) =>
        Add(new Fact { Kind = kind, Match = MatchKind.Member, Member = member, Day = Day(day), BranchId = branch, LibraryId = library }, eventId);

    /// <summary>Someone without a membership: <paramref name="reference"/> stands for a card number or device, hashed per month.</summary>
    public void Unknown(string reference, FactKind kind, string day, string eventId = "") =>
        Add(new Fact { Kind = kind, Match = MatchKind.Unmatched, Visitor = -1, Day = Day(day), LibraryId = Library }, eventId, reference);

    public void Anonymous(FactKind kind, string day, string eventId = "") =>
        Add(new Fact { Kind = kind, Match = MatchKind.Anonymous, Day = Day(day), LibraryId = Library }, eventId);

    public void Event(string id, string title, string category, Audience audience, string startsAt) =>
        _events.Add(new EventEntry(Library, id, title, category, audience, DateTime.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture), null));

    public void Visits(string day, int count, short branch = 10) => _visits.Add(new VisitCount(Library, branch, Day(day), 12, count));

    private readonly List<(int Index, string Reference, string EventId)> _refs = [];

    private void Add(Fact fact, string eventId, string? reference = null)
    {
        fact.Key = ++_key;
        _facts.Add(fact);
        _refs.Add((_facts.Count - 1, reference ?? "", eventId));
    }

    /// <summary>Writes the roster and all facts (one import per library), as the importer and the roster copy do.</summary>
    public async Task SaveAsync()
    {
        await using var connection = await Store.OpenAsync();
        foreach (var library in _roster.Select(r => r.Library).Concat(_facts.Select(f => f.LibraryId)).Distinct())
        {
            var numbers = await StatisticsNumbers.LoadAsync(connection, library, default);
            var numberOf = _roster.Where(r => r.Library == library).ToDictionary(r => r.Member, r => numbers.Member(Pseudonym(r.Member)));
            await Roster.ReplaceAsync(connection, library, numbers,
                [.. _roster.Where(r => r.Library == library).Select(r => new RosterEntry(numberOf[r.Member], r.Library, r.Branch, r.Type, r.Born, r.From, r.To, r.Blocked))],
                new DateTime(2026, 1, 1), default);

            using var staging = await FactStaging.StartAsync(connection, ++_imports, library);
            var facts = new List<Fact>();
            foreach (var (index, reference, eventId) in _refs)
            {
                var f = _facts[index];
                if (f.LibraryId != library)
                {
                    continue;
                }

                if (f.Match == MatchKind.Member)
                {
                    f.Member = numberOf.TryGetValue(f.Member!.Value, out var n) ? n : staging.Numbers.Member(Pseudonym(f.Member.Value));
                }
                else if (f.Match == MatchKind.Unmatched)
                {
                    var month = new DateOnly(f.Day.Year, f.Day.Month, 1);
                    f.Visitor = staging.Numbers.Visitor(GuidOf($"{reference}|{month:yyyy-MM}"), month);
                }

                f.EventId = eventId.Length == 0 ? 0 : staging.Numbers.LargeCode(eventId);
                facts.Add(f);
            }

            staging.Append(facts.ToArray());
            foreach (var e in _events.Where(e => e.LibraryId == library))
            {
                staging.Append(e);
            }

            foreach (var v in _visits.Where(v => v.LibraryId == library))
            {
                staging.Append(v);
            }

            staging.Complete();
            await FactCommit.CommitAsync(connection, staging);
        }
    }

    public async Task<InsightFigures> FiguresAsync(InsightScope scope, InsightPeriod period)
    {
        await using var connection = await Store.OpenAsync();
        return await InsightQuery.RunAsync(connection, scope, period, LoanBuckets.Default);
    }

    private Guid Pseudonym(int member)
    {
        if (!_pseudonyms.TryGetValue(member, out var pseudonym))
        {
            pseudonym = Guid.NewGuid();
            _pseudonyms[member] = pseudonym;
        }

        return pseudonym;
    }

    private static Guid GuidOf(string text) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
