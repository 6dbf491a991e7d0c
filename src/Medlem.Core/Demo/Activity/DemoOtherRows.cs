using System.Globalization;

namespace Medlem.Core.Demo.Activity;

/// <summary>
/// The captive portal's sessions, the lending platform's digital loans and the door counters.
/// Wifi: members who log in with their membership follow their profile's sessions a month, for
/// the calibrated twelve months; everyone else is a device, in every month of those twelve:
/// December as the seed's month (28,835 unique users, 182,522 sessions in Stavanger, members
/// included), the summer months at three quarters of it and the others at nine tenths (a choice),
/// the current month in proportion to its days so far.
/// </summary>
internal sealed class DemoOtherRows(DemoLibrary library, DemoWindow window, Random random, double scale)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Methods = ["social", "email", "voucher"];
    private readonly string _main = library.Branches.First(b => b.IsMain).Code;
    private readonly Dictionary<DateOnly, (HashSet<string> Devices, long Sessions)> _memberWifi = [];
    private long _sessions;

    public long WriteWifi(string path, IReadOnlyList<DemoActivityMember> members)
    {
        using var csv = new DemoCsv(path, "session_id", "started_at", "ended_at", "branch", "login_method", "card_number", "device_id");
        foreach (var member in members.Where(m => m.Membership.Profile.WifiSessionsPerMonth > 0))
        {
            var m = member.Membership;
            var device = $"m-{m.Pseudonym.ToString("N")[..12]}";
            if (m.LastUsedOn is not { } last || last < window.PeriodStart || DemoWindow.Usable(m, window.PeriodStart, last) is not { } period)
            {
                continue;
            }

            var count = random.Poisson(m.Profile.WifiSessionsPerMonth * 12 * (period.To.DayNumber - period.From.DayNumber + 1) / 365.0);
            for (var i = 0; i < Math.Max(count, m.Profile.Channel == DemoChannel.Wifi ? 1 : 0); i++)
            {
                var day = DemoWindow.Day(random, period.From, period.To);
                Session(csv, day, m.HomeBranchCode ?? _main, "membership", member.Card, device);
                var month = new DateOnly(day.Year, day.Month, 1);
                var (devices, sessions) = _memberWifi.TryGetValue(month, out var seen) ? seen : ([], 0);
                devices.Add(device);
                _memberWifi[month] = (devices, sessions + 1);
            }
        }

        var first = new DateOnly(window.PeriodStart.Year, window.PeriodStart.Month, 1);
        for (var month = first; month <= window.Today; month = month.AddMonths(1))
        {
            var days = month.AddMonths(1).AddDays(-1) <= window.Today ? 1.0 : (double)window.Today.Day / DateTime.DaysInMonth(month.Year, month.Month);
            var season = days * (month.Month switch { 12 => 1.0, 6 or 7 or 8 => 0.75, _ => 0.9 });
            var (memberDevices, memberSessions) = _memberWifi.GetValueOrDefault(month, ([], 0));
            var devices = Math.Max(0, (int)Math.Round((DemoCalibration.StavangerWifiUniqueDevicesPerMonth * scale * season) - memberDevices.Count));
            var sessions = Math.Max(devices, (long)Math.Round((DemoCalibration.StavangerWifiSessionsPerMonth * scale * season) - memberSessions));
            var end = month.AddMonths(1).AddDays(-1) < window.Today ? month.AddMonths(1).AddDays(-1) : window.Today;
            // Every device once; the other sessions go to devices at random, weighted to a few
            // regulars (the square of a uniform number favours the low device numbers).
            for (long s = 0; s < sessions && devices > 0; s++)
            {
                var d = s < devices ? (int)s : (int)Math.Min(devices - 1, (long)(devices * Math.Pow(random.NextDouble(), 2)));
                var branch = d % 5 == 0 ? random.Pick(library.Branches).Code : _main;
                Session(csv, DemoWindow.Day(random, month, end), branch, Methods[d % 3], null, $"{library.Code[..3]}-{month:yyMM}-{d:x6}");
            }
        }

        return csv.Rows;
    }

    public long WriteDigitalLoans(string path, IReadOnlyList<DemoActivityMember> members)
    {
        using var csv = new DemoCsv(path, "loan_id", "time", "card_number", "format", "title_id");
        long id = 0;
        foreach (var member in members.Where(m => m.Membership.Profile.DigitalLoansPerYear > 0))
        {
            var m = member.Membership;
            var last = m.LastUsedOn ?? window.Today;
            var windows = new List<((DateOnly From, DateOnly To) Days, double Rate, int AtLeast)>();
            if (last >= window.PeriodStart && DemoWindow.Usable(m, window.PeriodStart, last) is { } period)
            {
                windows.Add((period, m.Profile.DigitalLoansPerYear, m.Profile.Channel == DemoChannel.DigitalLoans ? 1 : 0));
            }

            if (DemoWindow.Usable(m, window.Start, window.PeriodStart.AddDays(-1)) is { } year)
            {
                windows.Add((year, m.Profile.DigitalLoansPerYear * 0.9, 0));
            }

            foreach (var ((from, to), rate, atLeast) in windows)
            {
                var count = Math.Max(atLeast, random.Poisson(rate * (to.DayNumber - from.DayNumber + 1) / 365.0));
                for (var i = 0; i < count; i++)
                {
                    var time = DemoWindow.Day(random, from, to).ToDateTime(new TimeOnly(random.Next(7, 24), random.Next(60)));
                    csv.Row($"{library.Code}-dl-{++id:D8}", time.ToString("yyyy-MM-ddTHH:mm:ss", Invariant), member.Card,
                        random.Chance(0.6) ? "ebook" : "eaudiobook", $"978{random.Next(0, 100_000_000):D10}"[..13]);
                }
            }
        }

        return csv.Rows;
    }

    /// <summary>Door counts per opening hour: the main library far busier than a branch, Saturdays short, Sundays closed.</summary>
    public long WriteVisits(string path)
    {
        using var csv = new DemoCsv(path, "branch", "date", "hour", "count");
        for (var day = window.Start; day <= window.Today; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                continue;
            }

            var closes = day.DayOfWeek == DayOfWeek.Saturday ? 16 : 20;
            foreach (var branch in library.Branches)
            {
                var perHour = (branch.IsMain ? 110 : 18) * scale;
                for (var hour = 10; hour < closes; hour++)
                {
                    csv.Row(branch.Code, day.ToString("yyyy-MM-dd", Invariant), hour.ToString(Invariant), random.Poisson(perHour).ToString(Invariant));
                }
            }
        }

        return csv.Rows;
    }

    private void Session(DemoCsv csv, DateOnly day, string branch, string method, string? card, string device)
    {
        var start = day.ToDateTime(new TimeOnly(9 + random.Next(11), random.Next(60)));
        var end = start.AddMinutes(5 + random.Next(175));
        csv.Row($"{library.Code}-w-{++_sessions:D9}", start.ToString("yyyy-MM-ddTHH:mm:ss", Invariant), end.ToString("yyyy-MM-ddTHH:mm:ss", Invariant),
            branch, method, card, device);
    }
}
