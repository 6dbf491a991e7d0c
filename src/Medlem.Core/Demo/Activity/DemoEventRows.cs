using System.Globalization;
using Medlem.Core.Members;

namespace Medlem.Core.Demo.Activity;

/// <summary>
/// The event programme and who came. Members come by their profile's events a year (adults to
/// adult events, children to children's events), with a card; on top, adult events get the
/// people the register does not know — by e-mail (a third) or as anonymous head counts — until
/// Stavanger's adult attendances reach the seed's "nearly 35,000 adults" a year. Members who
/// attend without showing a card are among those head counts: the seed's event-goers "with a
/// passive card".
/// </summary>
internal sealed class DemoEventRows(DemoLibrary library, DemoWindow window, Random random, double scale)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly (string Audience, string[] Categories, int PerWeek, int Hour)[] Programme =
    [
        ("adults", ["forfattermøte", "konsert", "debatt", "språkkafé", "kurs", "foredrag"], 22, 18),
        ("children", ["eventyrstund", "lesestund", "verksted"], 10, 11),
        ("youth", ["leksehjelp", "gaming", "skrivekurs"], 4, 16),
        ("all", ["familiedag", "utstilling"], 3, 12),
    ];

    private readonly List<(string Id, string Audience, DateTime StartsAt, string Branch)> _events = [];

    public long WriteCatalogue(string path)
    {
        using var csv = new DemoCsv(path, "event_id", "title", "category", "audience", "starts_at", "branch", "organiser");
        var main = library.Branches.First(b => b.IsMain);
        // The programme is published four weeks ahead: the catalogue runs past today, attendance does not.
        for (var week = window.Start; week <= window.Today.AddDays(28); week = week.AddDays(7))
        {
            foreach (var (audience, categories, perWeek, hour) in Programme)
            {
                for (var n = random.Poisson(perWeek * scale); n > 0; n--)
                {
                    var branch = random.Chance(0.7) ? main : random.Pick(library.Branches);
                    var startsAt = week.AddDays(random.Next(6)).ToDateTime(new TimeOnly(hour + random.Next(2), random.Chance(0.5) ? 0 : 30));
                    var category = random.Pick(categories);
                    var id = $"{library.Code}-{_events.Count + 1:D6}";
                    _events.Add((id, audience, startsAt, branch.Code));
                    csv.Row(id, $"{char.ToUpper(category[0], Invariant)}{category[1..]} på {branch.Name}", category, audience,
                        startsAt.ToString("yyyy-MM-ddTHH:mm", Invariant), branch.Code, random.Chance(0.5) ? library.Name : "Frivillighetssentralen");
                }
            }
        }

        return csv.Rows;
    }

    public long WriteAttendance(string path, IReadOnlyList<DemoActivityMember> members, IReadOnlyList<DemoPerson> register)
    {
        using var csv = new DemoCsv(path, "event_id", "time", "card_number", "email");
        var past = _events.Where(e => DateOnly.FromDateTime(e.StartsAt) <= window.Today).ToList();
        if (past.Count == 0)
        {
            return 0;
        }

        var memberAdultAttendances = new long[2];
        foreach (var member in members.Where(m => m.Membership.Profile.EventsPerYear > 0 || m.Membership.Profile.Channel == DemoChannel.Events))
        {
            foreach (var (e, period) in MemberEvents(member, past))
            {
                var time = e.StartsAt.AddMinutes(-random.Next(15));
                if (random.Chance(0.1))
                {
                    // Registered in advance, then checked in: two rows, one attendance.
                    csv.Row(e.Id, e.StartsAt.AddDays(-random.Next(1, 14)).ToString("yyyy-MM-ddTHH:mm", Invariant), member.Card, null);
                }

                csv.Row(e.Id, time.ToString("yyyy-MM-ddTHH:mm", Invariant), member.Card, null);
                if (e.Audience == "adults")
                {
                    memberAdultAttendances[period]++;
                }
            }
        }

        var known = register.SelectMany(p => p.ContactPoints).Where(c => c.Kind == ContactKind.Email).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var target = DemoCalibration.StavangerAdultEventAttendances * scale;
        for (var period = 0; period < 2; period++)
        {
            var adultEvents = past.Where(e => e.Audience == "adults" && InPeriod(e.StartsAt, period)).ToList();
            var others = Math.Max(0, (long)Math.Round((target * (period == 0 ? 1.0 : 0.95)) - memberAdultAttendances[period]));
            for (long n = 0; n < others && adultEvents.Count > 0; n++)
            {
                var e = random.Pick(adultEvents);
                var email = random.Chance(1 / 3.0) ? Guest(known) : null;
                csv.Row(e.Id, e.StartsAt.AddMinutes(-random.Next(15)).ToString("yyyy-MM-ddTHH:mm", Invariant), null, email);
            }

            // Children come with parents: mostly head counts.
            foreach (var e in past.Where(e => e.Audience != "adults" && InPeriod(e.StartsAt, period)))
            {
                for (var n = random.Poisson(12); n > 0; n--)
                {
                    csv.Row(e.Id, e.StartsAt.ToString("yyyy-MM-ddTHH:mm", Invariant), null, null);
                }
            }
        }

        return csv.Rows;
    }

    /// <summary>Period 0: the calibrated last twelve months; 1: the year before.</summary>
    private bool InPeriod(DateTime time, int period) =>
        period == 0 ? DateOnly.FromDateTime(time) >= window.PeriodStart : DateOnly.FromDateTime(time) < window.PeriodStart;

    private IEnumerable<((string Id, string Audience, DateTime StartsAt, string Branch) Event, int Period)> MemberEvents(
        DemoActivityMember member, List<(string Id, string Audience, DateTime StartsAt, string Branch)> past)
    {
        var m = member.Membership;
        var audience = member.AgeOn(window.Today) switch { < 13 => "children", < 20 => "youth", _ => "adults" };
        var suitable = past.Where(e => e.Audience == audience || e.Audience == "all").ToList();
        var last = m.LastUsedOn ?? window.Today;
        if (last >= window.PeriodStart && DemoWindow.Usable(m, window.PeriodStart, last) is { } period)
        {
            var inPeriod = suitable.Where(e => Within(e.StartsAt, period.From, period.To)).ToList();
            var count = random.Poisson(m.Profile.EventsPerYear);
            if (m.Profile.Channel == DemoChannel.Events)
            {
                count = Math.Max(count, 1);
            }

            for (var i = 0; i < count && inPeriod.Count > 0; i++)
            {
                yield return (random.Pick(inPeriod), 0);
            }
        }

        if (m.Profile.EventsPerYear > 0 && DemoWindow.Usable(m, window.Start, window.PeriodStart.AddDays(-1)) is { } year)
        {
            var before = suitable.Where(e => Within(e.StartsAt, year.From, year.To)).ToList();
            for (var i = random.Poisson(m.Profile.EventsPerYear * 0.9); i > 0 && before.Count > 0; i--)
            {
                yield return (random.Pick(before), 1);
            }
        }
    }

    private static bool Within(DateTime time, DateOnly from, DateOnly to) => DateOnly.FromDateTime(time) >= from && DateOnly.FromDateTime(time) <= to;

    private string Guest(HashSet<string> known)
    {
        // A pool of event-goers the register does not know, so some come more than once.
        var email = $"deltaker.{library.Code}.{random.Next(1, (int)Math.Max(50, 8_000 * scale))}@example.net";
        return known.Contains(email) ? Guest(known) : email;
    }
}
