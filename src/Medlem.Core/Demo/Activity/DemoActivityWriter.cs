using Medlem.Core.Activity;

namespace Medlem.Core.Demo.Activity;

/// <summary>One generated export, in the order the importers must read them.</summary>
public sealed record DemoActivityFile(string LibraryCode, ImportKind Kind, ImportFormat Format, string Path, long Rows);

/// <summary>
/// Writes the demo consortium's activity as the exports real systems make — Koha's borrowers and
/// statistics tables for every library, Medlem's columns for events, attendance, wifi, digital
/// loans and door counts — so the demo is loaded through the same importers as a library's own
/// files. Deterministic from the seed; streamed, never held in memory. The last twelve months
/// agree with the register's activity summaries (<see cref="DemoMembership.LoansLast12Months"/>,
/// <see cref="DemoMembership.LastUsedOn"/>); the twelve before them are drawn from the same
/// propensities, so year-on-year change and dropout show. Calibration: docs/demo-data.md.
/// </summary>
public static class DemoActivityWriter
{
    /// <summary>Whole months of history before the current one: two years, for year-on-year figures.</summary>
    public const int HistoryMonths = 24;

    public static IReadOnlyList<DemoActivityFile> Write(DemoData data, string directory)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(directory);
        var window = new DemoWindow(data.Today);
        var people = data.People.ToDictionary(p => p.Id);
        var cards = data.Cards.GroupBy(c => c.MembershipId).ToDictionary(g => g.Key, g => g.First().Number);
        var files = new List<DemoActivityFile>();
        foreach (var (library, index) in data.Libraries.Select((l, i) => (l, i)))
        {
            // Not HashCode.Combine: it is salted per process, and the demo must be the same in every run.
            var random = new Random(unchecked((data.Seed * 7919) + (index * 104_729)));
            var memberships = data.Memberships.Where(m => m.LibraryCode == library.Code && cards.ContainsKey(m.Id)).ToList();
            var scale = CityScale(data, library);
            var members = memberships.Select(m => new DemoActivityMember(m, people[m.PersonId], cards[m.Id])).ToList();
            string PathOf(string name) => Path.Combine(directory, $"{library.Code}-{name}");

            var loans = new DemoLoanRows(library, window, random);
            files.Add(new(library.Code, ImportKind.Patrons, ImportFormat.Koha, PathOf("borrowers.csv"), loans.WritePatrons(PathOf("borrowers.csv"), members)));
            var events = new DemoEventRows(library, window, random, scale);
            files.Add(new(library.Code, ImportKind.Events, ImportFormat.Medlem, PathOf("events.csv"), events.WriteCatalogue(PathOf("events.csv"))));
            files.Add(new(library.Code, ImportKind.Loans, ImportFormat.Koha, PathOf("statistics.csv"), loans.WriteStatistics(PathOf("statistics.csv"), members)));
            files.Add(new(library.Code, ImportKind.Attendance, ImportFormat.Medlem, PathOf("attendance.csv"), events.WriteAttendance(PathOf("attendance.csv"), members, data.People)));
            var other = new DemoOtherRows(library, window, random, scale);
            files.Add(new(library.Code, ImportKind.Wifi, ImportFormat.Medlem, PathOf("wifi.csv"), other.WriteWifi(PathOf("wifi.csv"), members)));
            files.Add(new(library.Code, ImportKind.DigitalLoans, ImportFormat.Medlem, PathOf("digital-loans.csv"), other.WriteDigitalLoans(PathOf("digital-loans.csv"), members)));
            files.Add(new(library.Code, ImportKind.Visits, ImportFormat.Medlem, PathOf("visits.csv"), other.WriteVisits(PathOf("visits.csv"))));
        }

        return files;
    }

    /// <summary>
    /// The city's size relative to Stavanger at this scale. School libraries get a fortieth of
    /// their city's events, anonymous wifi and door counts: one school's library, not a city's.
    /// </summary>
    private static double CityScale(DemoData data, DemoLibrary library)
    {
        var cityCode = library.ParentCode ?? library.Code;
        var city = DemoConsortium.Cities.First(c => c.Code == cityCode);
        var scale = data.Scale * city.Inhabitants / DemoCalibration.StavangerInhabitants;
        return library.ParentCode is null ? scale : scale / 40;
    }
}

/// <summary>A membership with what its rows need: the person and the card number.</summary>
internal sealed record DemoActivityMember(DemoMembership Membership, DemoPerson Person, string Card)
{
    public bool IsDigitalOnly => Membership.TypeCode is Members.DefaultMembershipTypes.Codes.Digital or Members.DefaultMembershipTypes.Codes.NationalDigital;

    public int AgeOn(DateOnly day) => Ages.YearsBetween(Person.BirthDate, day);
}

/// <summary>The generated window: two years and the current month, and the calibrated last twelve months.</summary>
internal sealed class DemoWindow(DateOnly today)
{
    public DateOnly Today { get; } = today;

    public DateOnly Start { get; } = new DateOnly(today.Year, today.Month, 1).AddMonths(-DemoActivityWriter.HistoryMonths);

    public DateOnly PeriodStart { get; } = DemoCalibration.PeriodStart(today);

    /// <summary>The days a membership could use the library in [from, to]: valid, not blocked.</summary>
    public static (DateOnly From, DateOnly To)? Usable(DemoMembership m, DateOnly from, DateOnly to)
    {
        var start = m.ValidFrom > from ? m.ValidFrom : from;
        var end = m.ValidTo is { } validTo && validTo < to ? validTo : to;
        if (m.BlockedAt is { } blocked && DateOnly.FromDateTime(blocked.UtcDateTime) < end)
        {
            end = DateOnly.FromDateTime(blocked.UtcDateTime);
        }

        return start <= end ? (start, end) : null;
    }

    /// <summary>A uniform day in [from, to].</summary>
    public static DateOnly Day(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
}
