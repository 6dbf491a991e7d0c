using System.Globalization;
using Codes = Medlem.Core.Members.DefaultMembershipTypes.Codes;

namespace Medlem.Core.Demo.Activity;

/// <summary>
/// Koha's side of a library: the borrowers export (borrowernumber ↔ card number) and the
/// statistics table of issues and renewals. A borrower's issues in the last twelve months are
/// exactly the register's <see cref="DemoMembership.LoansLast12Months"/>, the last on or before
/// <see cref="DemoMembership.LastUsedOn"/>; the year before is drawn from the same rate, and
/// members who are passive now but used the library before got their loans then (dropout).
/// The demo writes no <c>return</c> rows: they count for nothing and would double the file.
/// </summary>
internal sealed class DemoLoanRows(DemoLibrary library, DemoWindow window, Random random)
{
    private const double RenewedShare = 0.25;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly Dictionary<Guid, int> _borrowerNumbers = [];
    private readonly string _mainBranch = library.Branches.First(b => b.IsMain).Code;

    public long WritePatrons(string path, IReadOnlyList<DemoActivityMember> members)
    {
        using var csv = new DemoCsv(path, "borrowernumber", "cardnumber", "surname", "firstname", "dateofbirth", "branchcode", "categorycode", "dateenrolled", "dateexpiry", "email", "phone");
        foreach (var member in members.Where(m => !m.IsDigitalOnly))
        {
            var number = _borrowerNumbers.Count + 1;
            _borrowerNumbers[member.Membership.Id] = number;
            var m = member.Membership;
            var person = member.Person;
            csv.Row(
                number.ToString(Invariant), member.Card, person.FamilyName, person.GivenName, person.BirthDate.ToString("yyyy-MM-dd", Invariant),
                m.HomeBranchCode ?? _mainBranch, m.TypeCode, m.ValidFrom.ToString("yyyy-MM-dd", Invariant), m.ValidTo?.ToString("yyyy-MM-dd", Invariant),
                person.ContactPoints.FirstOrDefault(c => c.Kind == Members.ContactKind.Email)?.Value,
                person.ContactPoints.FirstOrDefault(c => c.Kind == Members.ContactKind.Mobile)?.Value);
        }

        return csv.Rows;
    }

    public long WriteStatistics(string path, IReadOnlyList<DemoActivityMember> members)
    {
        using var csv = new DemoCsv(path, "datetime", "branch", "type", "itemnumber", "itemtype", "ccode", "borrowernumber", "categorycode", "location");
        foreach (var member in members)
        {
            if (!_borrowerNumbers.TryGetValue(member.Membership.Id, out var borrower))
            {
                continue;
            }

            foreach (var day in LoanDays(member))
            {
                Write(csv, member, borrower, day, "issue");
                if (random.Chance(RenewedShare))
                {
                    var renewal = day.AddDays(21);
                    var last = member.Membership.LastUsedOn ?? window.Today;
                    if (renewal <= last && renewal <= window.Today)
                    {
                        Write(csv, member, borrower, renewal, "renew");
                    }
                }
            }
        }

        return csv.Rows;
    }

    /// <summary>The days of a member's issues: the register's count in the period, a drawn count before it.</summary>
    private List<DateOnly> LoanDays(DemoActivityMember member)
    {
        var m = member.Membership;
        var days = new List<DateOnly>();
        if (m.LoansLast12Months > 0 && m.LastUsedOn is { } last && DemoWindow.Usable(m, window.PeriodStart, last) is { } period)
        {
            days.Add(last);
            for (var i = 1; i < m.LoansLast12Months; i++)
            {
                days.Add(DemoWindow.Day(random, period.From, period.To));
            }
        }

        var beforePeriod = window.PeriodStart.AddDays(-1);
        if (m.LastUsedOn is { } earlier && earlier < window.PeriodStart && earlier >= window.Start && m.TypeCode != Codes.Digital
            && DemoWindow.Usable(m, window.Start, earlier) is { } dropout && random.Chance(0.6))
        {
            // Used the library before the period, not in it: the dropouts the insight looks for.
            days.Add(earlier);
            days.AddRange(Enumerable.Range(0, random.Poisson(3)).Select(_ => DemoWindow.Day(random, dropout.From, dropout.To)));
        }
        else if (m.Profile.LoansPerYear > 0 && DemoWindow.Usable(m, window.Start, beforePeriod) is { } year)
        {
            var exposure = (year.To.DayNumber - year.From.DayNumber + 1) / 365.0;
            var drift = 0.7 + (0.6 * random.NextDouble());
            days.AddRange(Enumerable.Range(0, random.Poisson(m.Profile.LoansPerYear * exposure * drift)).Select(_ => DemoWindow.Day(random, year.From, year.To)));
        }

        return days;
    }

    private void Write(DemoCsv csv, DemoActivityMember member, int borrower, DateOnly day, string type)
    {
        var age = member.AgeOn(day);
        var (itemType, collection) = age switch
        {
            < 13 => (random.Pick(ChildItems), "BARN"),
            < 20 => (random.Pick(YouthItems), "UNGDOM"),
            _ => (random.Pick(AdultItems), random.Chance(0.4) ? "FAG" : "SKJONN"),
        };
        var branch = random.Chance(0.85) ? member.Membership.HomeBranchCode ?? _mainBranch : random.Pick(library.Branches).Code;
        var time = day.ToDateTime(new TimeOnly(10 + random.Next(9), random.Next(60), random.Next(60)));
        csv.Row(time.ToString("yyyy-MM-dd HH:mm:ss", Invariant), branch, type, random.Next(1, 400_000).ToString(Invariant), itemType, collection,
            borrower.ToString(Invariant), member.Membership.TypeCode, "HYLLE");
    }

    private static readonly string[] ChildItems = ["BARNBOK", "BARNBOK", "BARNBOK", "TEGNESERIE", "TEGNESERIE", "BOK", "LYDBOK", "FILM"];
    private static readonly string[] YouthItems = ["BOK", "BOK", "TEGNESERIE", "TEGNESERIE", "SPILL", "FILM", "LYDBOK"];
    private static readonly string[] AdultItems = ["BOK", "BOK", "BOK", "BOK", "BOK", "LYDBOK", "FILM", "TIDSSKRIFT", "SPILL"];
}
