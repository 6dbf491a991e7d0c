using Medlem.Statistics;
using Medlem.Statistics.Insight;

namespace Medlem.Core.Insight;

/// <summary>Names of what the store knows only by number.</summary>
public sealed record InsightNames(
    IReadOnlyDictionary<int, string> Branches, IReadOnlyDictionary<int, string> Libraries, IReadOnlyDictionary<int, string> MembershipTypes);

/// <summary>
/// Turns raw figures into the dashboard's tables: registers every count of people with one
/// <see cref="Disclosure"/> (so a count that appears in two tables is one cell, hidden in both or
/// in neither), states which counts add up, applies the rules, and only then reads the values.
/// The findings are written from the shown values only, so a finding never gives away a hidden cell.
/// </summary>
public static class InsightBuilder
{
    public static InsightDashboard Build(InsightFigures f, InsightNames names, string scopeName, int threshold, DateTime? membersAsOfUtc, DateOnly? today = null)
    {
        var d = new Disclosure(threshold);
        var tables = new List<Func<InsightTable>>();

        // Headline: registered = active + passive, registered = borrowers + non-borrowers, in both periods.
        var now = Totals(d, f.Current);
        var before = Totals(d, f.Previous);
        tables.Add(() => Headline(now, before, f));

        // Months after today's have not happened: their rows stay empty and no finding names them.
        var months = f.Months.Where(m => today is not { } t || m.Month <= t)
            .Select(m => (m.Month, Counts: Totals(d, new PeriodTotals(m.Registered, m.ActiveUsers, m.ActiveBorrowers, 0)))).ToList();
        tables.Add(() => Months(f.Period, months));

        var buckets = f.Buckets.Select(b => (b, Count: d.Count(b.Members))).ToList();
        if (buckets.Count > 0)
        {
            d.Sum(now.Registered, buckets.Select(b => b.Count));
        }

        tables.Add(() => Buckets(buckets, now.Registered));

        var bands = f.Bands.Select(b => (b, Members: d.Count(b.Members), Borrowers: d.Count(b.ActiveBorrowers), NotBorrowing: d.Count(b.Members - b.ActiveBorrowers))).ToList();
        d.Sum(now.Registered, bands.Select(b => b.Members));
        d.Sum(now.Borrowers, bands.Select(b => b.Borrowers));
        foreach (var b in bands)
        {
            d.Sum(b.Members, b.Borrowers, b.NotBorrowing);
        }

        tables.Add(() => Bands(bands, d.Threshold));

        var dropout = f.Dropout.Select(x => (x, Before: d.Count(x.ActiveBefore), Dropped: d.Count(x.Dropped), Stayed: d.Count(x.ActiveBefore - x.Dropped))).ToList();
        foreach (var x in dropout)
        {
            d.Sum(x.Before, x.Dropped, x.Stayed);
        }

        if (dropout.FirstOrDefault(x => x.x.Group == DropoutGroup.All) is { Before: var allBefore } all && all.x is not null)
        {
            foreach (var group in new[] { DropoutGroup.AgeBand, DropoutGroup.MembershipType })
            {
                var rows = dropout.Where(x => x.x.Group == group).ToList();
                d.Sum(allBefore, rows.Select(r => r.Before));
                d.Sum(all.Dropped, rows.Select(r => r.Dropped));
                d.Sum(all.Stayed, rows.Select(r => r.Stayed));
            }
        }

        tables.Add(() => Dropout(dropout, names));

        var cohorts = f.Cohorts.Select(c => (c, Members: d.Count(c.Members),
            Retained: c.Retained.Select(r => r is { } n ? (PeopleCount?)d.Count(n) : null).ToList())).ToList();
        foreach (var c in cohorts)
        {
            foreach (var r in c.Retained.OfType<PeopleCount>())
            {
                d.Sum(c.Members, r, d.Count(c.c.Members - r.Value));
            }
        }

        tables.Add(() => Cohorts(cohorts));

        var events = Reach(d, f.Events, f.Scope.NarrowsMembers);
        var wifi = Reach(d, f.Wifi, f.Scope.NarrowsMembers);
        tables.Add(() => ReachTable("events", events, anonymous: true));
        tables.Add(() => ReachTable("wifi", wifi, anonymous: false));

        var overlap = Enumerable.Range(0, 16).Select(i => (Channels)i)
            .Select(c => (c, Count: d.Count(f.Overlap.Where(o => o.Channels == c).Sum(o => o.Members)))).ToList();
        d.Sum(now.Registered, overlap.Select(o => o.Count));
        d.Sum(now.Passive, overlap.Where(o => o.c == Channels.None).Select(o => o.Count));
        tables.Add(() => Overlap(overlap, now.Registered));

        var lapsed = d.Count(f.Lapsed);
        tables.Add(() => Growth(buckets.Count > 1 ? buckets[1] : null, lapsed, events, wifi));

        var branches = Groups(d, f.Branches, now);
        tables.Add(() => GroupTable("branches", branches, id => id == 0 ? InsightLabel.Key("insight.no-branch") : InsightLabel.Text(names.Branches.GetValueOrDefault(id, $"#{id}"))));
        var libraries = Groups(d, f.Libraries, f.Scope.LibraryId is null && f.Scope.BranchId is null ? now : null);
        tables.Add(() => GroupTable("libraries", libraries, id => InsightLabel.Text(names.Libraries.GetValueOrDefault(id, $"#{id}"))));

        var nationalBorrowers = f.Scope.NarrowsMembers ? null : (PeopleCount?)now.Borrowers;
        var eventTypes = f.National.Events.Select(e => (e, Participants: d.Count(e.Participants))).ToList();
        if (eventTypes.Count > 0)
        {
            d.Sum(d.Count(eventTypes.Sum(e => e.e.Participants)), eventTypes.Select(e => e.Participants));
        }

        tables.Add(() => National(f.National, nationalBorrowers));
        tables.Add(() => NationalEvents(eventTypes));

        d.Apply();
        return new InsightDashboard(f.Scope, scopeName, f.Period, threshold, membersAsOfUtc, [.. tables.Select(t => t())]);
    }

    private sealed record TotalCounts(PeopleCount Registered, PeopleCount Active, PeopleCount Passive, PeopleCount Borrowers, PeopleCount NotBorrowing);

    private static TotalCounts Totals(Disclosure d, PeriodTotals t)
    {
        var c = new TotalCounts(d.Count(t.Registered), d.Count(t.ActiveUsers), d.Count(t.Registered - t.ActiveUsers),
            d.Count(t.ActiveBorrowers), d.Count(t.Registered - t.ActiveBorrowers));
        d.Sum(c.Registered, c.Active, c.Passive);
        d.Sum(c.Registered, c.Borrowers, c.NotBorrowing);
        return c;
    }

    private static InsightTable Headline(TotalCounts now, TotalCounts before, InsightFigures f)
    {
        InsightRow Row(string key, Func<TotalCounts, InsightCell> cell) => new(InsightLabel.Key(key), [cell(now), cell(before)]);
        var rows = new List<InsightRow>
        {
            Row("insight.registered", c => InsightCell.Of(c.Registered)),
            Row("insight.active-users", c => InsightCell.Of(c.Active)),
            Row("insight.active-borrowers", c => InsightCell.Of(c.Borrowers)),
            Row("insight.passive", c => InsightCell.Of(c.Passive)),
            Row("insight.passive-share", c => InsightCell.Share(c.Passive, c.Registered)),
            new(InsightLabel.Key("insight.loans"), [InsightCell.Number(f.Current.Loans), InsightCell.Empty(CellKind.Number)]),
            new(InsightLabel.Key("insight.loans-per-member"), [
                InsightCell.Mean(now.Registered.Shown is > 0 ? (double)f.Current.Loans / now.Registered.Value : null, now.Registered.Suppressed),
                InsightCell.Empty(CellKind.Mean)]),
        };
        var findings = new List<InsightFinding>();
        if (now.Passive.Shown is { } passive && now.Registered.Shown is > 0 and var registered)
        {
            findings.Add(new("insight.finding.passive", [passive, registered, (double)passive / registered]));
        }

        if (now.Active.Shown is { } active && before.Active.Shown is > 0 and var prior)
        {
            findings.Add(new("insight.finding.change", [active, ((double)active / prior) - 1]));
        }

        return new("members", ["insight.this-period", "insight.previous-period"], rows, InsightChart.None, findings);
    }

    private static InsightTable Months(InsightPeriod period, List<(DateOnly Month, TotalCounts Counts)> months)
    {
        var byMonth = months.ToDictionary(m => m.Month, m => m.Counts);
        var rows = period.MonthStarts().Select(month =>
        {
            var c = byMonth.GetValueOrDefault(month);
            var yearBefore = byMonth.GetValueOrDefault(month.AddMonths(-period.Months));
            return new InsightRow(InsightLabel.Month(month), [
                c is null ? InsightCell.Empty(CellKind.People) : InsightCell.Of(c.Registered),
                c is null ? InsightCell.Empty(CellKind.People) : InsightCell.Of(c.Active),
                c is null ? InsightCell.Empty(CellKind.People) : InsightCell.Of(c.Borrowers),
                c is null ? InsightCell.Empty(CellKind.Share) : InsightCell.Share(c.Passive, c.Registered),
                yearBefore is null ? InsightCell.Empty(CellKind.People) : InsightCell.Of(yearBefore.Active)]);
        }).ToList();
        var shown = period.MonthStarts().Where(byMonth.ContainsKey).Select(m => (Month: m, Active: byMonth[m].Active.Shown)).Where(m => m.Active is not null).ToList();
        var findings = shown.Count < 2 ? [] : new List<InsightFinding>
        {
            new("insight.finding.months", [
                InsightLabel.Month(shown.MaxBy(m => m.Active)!.Month), shown.Max(m => m.Active)!.Value,
                InsightLabel.Month(shown.MinBy(m => m.Active)!.Month), shown.Min(m => m.Active)!.Value]),
        };
        return new("months", ["insight.registered", "insight.active-users", "insight.active-borrowers", "insight.passive-share", "insight.active-users-before"],
            rows, new(ChartKind.Lines, [1, 4]), findings);
    }

    private static string BucketLabel(BucketFigures b) =>
        b.To is null ? $"{b.From}+" : b.To == b.From ? $"{b.From}" : $"{b.From}–{b.To}";

    private static InsightTable Buckets(List<(BucketFigures b, PeopleCount Count)> buckets, PeopleCount registered)
    {
        var rows = buckets.Select(x => new InsightRow(InsightLabel.Text(BucketLabel(x.b)), [InsightCell.Of(x.Count), InsightCell.Share(x.Count, registered)])).ToList();
        var findings = new List<InsightFinding>();
        if (buckets.Count > 1 && buckets[1].Count.Shown is { } easy)
        {
            findings.Add(new("insight.finding.easy-growth", [easy, InsightLabel.Text(BucketLabel(buckets[1].b))]));
        }

        if (buckets.Count > 2 && buckets[^1].Count.Shown is { } super)
        {
            findings.Add(new("insight.finding.super-users", [super, InsightLabel.Text(BucketLabel(buckets[^1].b))]));
        }

        return new("loan-buckets", ["insight.members", "insight.share"], rows, new(ChartKind.Bars, [0]), findings);
    }

    private static InsightTable Bands(List<(BandFigures b, PeopleCount Members, PeopleCount Borrowers, PeopleCount NotBorrowing)> bands, int k)
    {
        var rows = bands.Select(x =>
        {
            var hidden = x.Members.Suppressed || x.b.Members < k;
            return new InsightRow(InsightLabel.Text(x.b.Band.Label()), [
                InsightCell.Of(x.Members), InsightCell.Of(x.Borrowers),
                InsightCell.Mean(x.b.MeanLoans, hidden), InsightCell.Mean(x.b.MedianLoans, hidden)]);
        }).ToList();
        var shown = bands.Where(x => !x.Members.Suppressed && x.b.Members >= k).ToList();
        var findings = shown.Count < 2 ? [] : new List<InsightFinding>
        {
            new("insight.finding.age-bands", [
                InsightLabel.Text(shown.MinBy(x => x.b.MeanLoans).b.Band.Label()), shown.Min(x => x.b.MeanLoans),
                InsightLabel.Text(shown.MaxBy(x => x.b.MeanLoans).b.Band.Label()), shown.Max(x => x.b.MeanLoans)]),
        };
        return new("age-bands", ["insight.members", "insight.active-borrowers", "insight.mean-loans", "insight.median-loans"], rows, new(ChartKind.Bars, [2, 3]), findings);
    }

    private static InsightTable Dropout(List<(DropoutFigures x, PeopleCount Before, PeopleCount Dropped, PeopleCount Stayed)> dropout, InsightNames names)
    {
        InsightLabel Label(DropoutFigures x) => x.Group switch
        {
            DropoutGroup.All => InsightLabel.Key("insight.all-members"),
            DropoutGroup.AgeBand => InsightLabel.Text(((AgeBand)x.GroupId).Label()),
            _ => InsightLabel.Text(names.MembershipTypes.GetValueOrDefault(x.GroupId, $"#{x.GroupId}")),
        };
        var rows = dropout.Select(r => new InsightRow(Label(r.x), [InsightCell.Of(r.Before), InsightCell.Of(r.Dropped), InsightCell.Share(r.Dropped, r.Before)])).ToList();
        var findings = new List<InsightFinding>();
        var all = dropout.FirstOrDefault(r => r.x.Group == DropoutGroup.All);
        if (all.x is not null && all.Dropped.Shown is { } dropped && all.Before.Shown is > 0 and var before)
        {
            var worst = dropout.Where(r => r.x.Group != DropoutGroup.All && r.Dropped.Shown is not null && r.Before.Shown is > 0)
                .MaxBy(r => (double)r.Dropped.Value / r.Before.Value);
            findings.Add(worst.x is null
                ? new("insight.finding.dropout", [(double)dropped / before])
                : new("insight.finding.dropout-worst", [(double)dropped / before, Label(worst.x), (double)worst.Dropped.Value / worst.Before.Value]));
        }

        return new("dropout", ["insight.active-before", "insight.dropped", "insight.dropout-share"], rows, new(ChartKind.Bars, [2]), findings);
    }

    private static InsightTable Cohorts(List<(CohortFigures c, PeopleCount Members, List<PeopleCount?> Retained)> cohorts)
    {
        var rows = cohorts.Select(c => new InsightRow(InsightLabel.Month(c.c.Month),
            [InsightCell.Of(c.Members), .. c.Retained.Select(r => r is { } n ? InsightCell.Share(n, c.Members) : InsightCell.Empty(CellKind.Share))])).ToList();
        var year = InsightQuery.CohortOffsets.ToList().IndexOf(12);
        var observed = cohorts.Where(c => c.Retained[year] is { Suppressed: false } && !c.Members.Suppressed && c.Members.Value > 0).ToList();
        var findings = observed.Count == 0 ? [] : new List<InsightFinding>
        {
            new("insight.finding.retention", [(double)observed.Sum(c => c.Retained[year]!.Value.Value) / observed.Sum(c => c.Members.Value)]),
        };
        return new("retention", ["insight.joined", .. InsightQuery.CohortOffsets.Select(n => $"insight.after-{n}")], rows, new(ChartKind.Lines, [3, 4]), findings);
    }

    private sealed record ReachCounts(PeopleCount Members, PeopleCount Borrowing, PeopleCount NotBorrowing, PeopleCount? MembersPerMonth, PeopleCount? WithoutPerMonth, PeopleCount? Anonymous, long Facts);

    private static ReachCounts Reach(Disclosure d, ReachFigures r, bool narrowsMembers)
    {
        var c = new ReachCounts(d.Count(r.Members), d.Count(r.MembersBorrowing), d.Count(r.Members - r.MembersBorrowing),
            narrowsMembers ? null : d.Count((long)Math.Round(r.MembersPerMonth)),
            narrowsMembers ? null : d.Count((long)Math.Round(r.WithoutMembershipPerMonth)),
            narrowsMembers ? null : d.Count(r.Anonymous), r.Facts);
        d.Sum(c.Members, c.Borrowing, c.NotBorrowing);
        return c;
    }

    private static InsightTable ReachTable(string id, ReachCounts r, bool anonymous)
    {
        InsightCell Maybe(PeopleCount? c) => c is { } x ? InsightCell.Of(x) : InsightCell.Empty(CellKind.People);
        var rows = new List<InsightRow>
        {
            new(InsightLabel.Key("insight.reach.members"), [InsightCell.Of(r.Members)]),
            new(InsightLabel.Key("insight.reach.borrowing"), [InsightCell.Of(r.Borrowing)]),
            new(InsightLabel.Key("insight.reach.not-borrowing"), [InsightCell.Of(r.NotBorrowing)]),
            new(InsightLabel.Key("insight.reach.members-per-month"), [Maybe(r.MembersPerMonth)]),
            new(InsightLabel.Key("insight.reach.without-per-month"), [Maybe(r.WithoutPerMonth)]),
        };
        if (anonymous)
        {
            rows.Add(new(InsightLabel.Key("insight.reach.anonymous"), [Maybe(r.Anonymous)]));
        }

        rows.Add(new(InsightLabel.Key($"insight.reach.{id}-total"), [InsightCell.Number(r.Facts)]));
        var findings = new List<InsightFinding>();
        if (r.Members.Shown is > 0 and var members && r.NotBorrowing.Shown is { } notBorrowing)
        {
            findings.Add(new($"insight.finding.{id}-members", [members, (double)notBorrowing / members]));
        }

        if (r.WithoutPerMonth?.Shown is { } without && r.MembersPerMonth?.Shown is { } perMonth && without + perMonth > 0)
        {
            findings.Add(new($"insight.finding.{id}-without", [without, perMonth, (double)without / (without + perMonth)]));
        }

        return new(id, ["insight.people"], rows, new(ChartKind.Bars, [0]), findings);
    }

    private static InsightTable Overlap(List<(Channels c, PeopleCount Count)> overlap, PeopleCount registered)
    {
        var rows = overlap.OrderByDescending(o => o.Count.Value).Select(o => new InsightRow(InsightLabel.Of(o.c), [InsightCell.Of(o.Count), InsightCell.Share(o.Count, registered)])).ToList();
        var top = overlap.Where(o => o.c != Channels.None && o.Count.Shown is > 0).OrderByDescending(o => o.Count.Value).FirstOrDefault();
        var findings = top.Count.Owner is null ? [] : new List<InsightFinding> { new("insight.finding.overlap", [InsightLabel.Of(top.c), top.Count.Value]) };
        return new("overlap", ["insight.members", "insight.share"], rows, new(ChartKind.UpSet, [0]), findings);
    }

    private static InsightTable Growth((BucketFigures b, PeopleCount Count)? easy, PeopleCount lapsed, ReachCounts events, ReachCounts wifi)
    {
        InsightCell Maybe(PeopleCount? c) => c is { } x ? InsightCell.Of(x) : InsightCell.Empty(CellKind.People);
        var rows = new List<InsightRow>
        {
            new(InsightLabel.Key("insight.growth.easy"), [Maybe(easy?.Count)]),
            new(InsightLabel.Key("insight.growth.lapsed"), [InsightCell.Of(lapsed)]),
            new(InsightLabel.Key("insight.growth.events-without"), [Maybe(events.WithoutPerMonth)]),
            new(InsightLabel.Key("insight.growth.wifi-without"), [Maybe(wifi.WithoutPerMonth)]),
        };
        var sum = new[] { easy?.Count, lapsed, events.WithoutPerMonth, wifi.WithoutPerMonth }.Where(c => c is { Suppressed: false }).Sum(c => c!.Value.Value);
        return new("growth", ["insight.people"], rows, new(ChartKind.Bars, [0]), [new("insight.finding.growth", [sum])]);
    }

    private sealed record GroupCounts(int Id, TotalCounts Counts, long Loans);

    private static List<GroupCounts> Groups(Disclosure d, IReadOnlyList<GroupFigures> groups, TotalCounts? total)
    {
        var rows = groups.Select(g => new GroupCounts(g.Id, Totals(d, new PeriodTotals(g.Registered, g.ActiveUsers, g.ActiveBorrowers, g.Loans)), g.Loans)).ToList();
        if (total is not null)
        {
            d.Sum(total.Registered, rows.Select(r => r.Counts.Registered));
            d.Sum(total.Active, rows.Select(r => r.Counts.Active));
            d.Sum(total.Passive, rows.Select(r => r.Counts.Passive));
            d.Sum(total.Borrowers, rows.Select(r => r.Counts.Borrowers));
            d.Sum(total.NotBorrowing, rows.Select(r => r.Counts.NotBorrowing));
        }
        else if (rows.Count > 0)
        {
            // The consortium's total is not shown, but it could be published elsewhere: keep the columns safe as sums too.
            var all = Totals(d, new PeriodTotals(groups.Sum(g => g.Registered), groups.Sum(g => g.ActiveUsers), groups.Sum(g => g.ActiveBorrowers), 0));
            d.Sum(all.Registered, rows.Select(r => r.Counts.Registered));
            d.Sum(all.Active, rows.Select(r => r.Counts.Active));
            d.Sum(all.Passive, rows.Select(r => r.Counts.Passive));
            d.Sum(all.Borrowers, rows.Select(r => r.Counts.Borrowers));
            d.Sum(all.NotBorrowing, rows.Select(r => r.Counts.NotBorrowing));
        }

        return rows;
    }

    private static InsightTable GroupTable(string id, List<GroupCounts> groups, Func<int, InsightLabel> label)
    {
        var rows = groups.Select(g => new InsightRow(label(g.Id), [
            InsightCell.Of(g.Counts.Registered), InsightCell.Of(g.Counts.Active), InsightCell.Of(g.Counts.Borrowers),
            InsightCell.Share(g.Counts.Passive, g.Counts.Registered), InsightCell.Number(g.Loans),
            InsightCell.Mean(g.Counts.Registered.Shown is > 0 ? (double)g.Loans / g.Counts.Registered.Value : null, g.Counts.Registered.Suppressed)])).ToList();
        var shown = groups.Where(g => g.Counts.Passive.Shown is not null && g.Counts.Registered.Shown is > 0).ToList();
        var most = shown.MaxBy(Passive);
        var least = shown.MinBy(Passive);
        var findings = shown.Count < 2 || most is null || least is null ? [] : new List<InsightFinding>
        {
            new($"insight.finding.{id}", [label(most.Id), Passive(most), label(least.Id), Passive(least)]),
        };
        return new(id, ["insight.registered", "insight.active-users", "insight.active-borrowers", "insight.passive-share", "insight.loans", "insight.loans-per-member"],
            rows, new(ChartKind.Bars, [3]), findings);

        static double Passive(GroupCounts g) => (double)g.Counts.Passive.Value / g.Counts.Registered.Value;
    }

    private static InsightTable National(NationalFigures n, PeopleCount? borrowers)
    {
        var rows = new List<InsightRow>
        {
            new(InsightLabel.Key("insight.national.active-borrowers"), [borrowers is { } b ? InsightCell.Of(b) : InsightCell.Empty(CellKind.People)]),
            new(InsightLabel.Key("insight.national.loans"), [InsightCell.Number(n.Loans)]),
            new(InsightLabel.Key("insight.national.renewals"), [InsightCell.Number(n.Renewals)]),
            new(InsightLabel.Key("insight.national.loans-children"), [InsightCell.Number(n.LoansToChildren)]),
            new(InsightLabel.Key("insight.national.loans-adults"), [InsightCell.Number(n.LoansToAdults)]),
            new(InsightLabel.Key("insight.national.loans-unknown-age"), [InsightCell.Number(n.LoansUnknownAge)]),
            new(InsightLabel.Key("insight.national.events"), [InsightCell.Number(n.Events.Sum(e => e.Events))]),
            new(InsightLabel.Key("insight.national.digital-loans"), [InsightCell.Number(n.DigitalLoans)]),
            new(InsightLabel.Key("insight.national.visits"), [InsightCell.Number(n.Visits)]),
        };
        return new("national", ["insight.value"], rows, InsightChart.None, [new("insight.finding.national", [])]);
    }

    private static InsightTable NationalEvents(List<(EventTypeFigures e, PeopleCount Participants)> events)
    {
        var rows = events.Select(x => new InsightRow(InsightLabel.Text(x.e.Category), [
            InsightCell.TextOf($"audience.{x.e.Audience}"), InsightCell.Number(x.e.Events), InsightCell.Of(x.Participants)])).ToList();
        return new("national-events", ["insight.audience", "insight.events", "insight.participants"], rows, new(ChartKind.Bars, [2]), []);
    }
}
