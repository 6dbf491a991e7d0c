namespace Medlem.Core.Demo;

/// <summary>
/// The calibrated figures of one library as generated, by the definitions of DESIGN.md §6, over
/// the 12 months ending on the data's <c>today</c>. Used for the documentation and the command
/// line's report; tests recompute them independently.
/// </summary>
public sealed record DemoLibraryStatistics(
    string LibraryCode,
    int RegisteredMembers,
    int ActiveBorrowers,
    int OneToThreeLoans,
    int ActiveUsers,
    double PassiveShare,
    double YoungAdultMeanLoans,
    double SchoolChildMeanLoans,
    IReadOnlyList<(string Band, int Members, double MeanLoans)> Bands)
{
    public static DemoLibraryStatistics Of(DemoData data, string libraryCode)
    {
        var periodStart = DemoCalibration.PeriodStart(data.Today);
        var births = data.People.ToDictionary(p => p.Id, p => p.BirthDate);
        var members = data.Memberships
            .Where(m => m.LibraryCode == libraryCode && m.ValidFrom <= data.Today && (m.ValidTo is null || m.ValidTo >= periodStart))
            .Select(m => (Membership: m, Age: Ages.YearsBetween(births[m.PersonId], data.Today)))
            .ToList();
        var active = members.Count(x => x.Membership.LastUsedOn is { } used && used >= periodStart);

        double Mean(int min, int max)
        {
            var group = members.Where(x => x.Age >= min && x.Age <= max).ToList();
            return group.Count == 0 ? 0 : group.Average(x => (double)x.Membership.LoansLast12Months);
        }

        return new DemoLibraryStatistics(
            libraryCode,
            members.Count,
            members.Count(x => x.Membership.LoansLast12Months > 0),
            members.Count(x => x.Membership.LoansLast12Months is >= 1 and <= 3),
            active,
            members.Count == 0 ? 0 : 1.0 - ((double)active / members.Count),
            Mean(DemoCalibration.YoungAdultMinAge, DemoCalibration.YoungAdultMaxAge),
            Mean(DemoCalibration.SchoolChildMinAge, DemoCalibration.SchoolChildMaxAge),
            [.. DemoCalibration.AgeBands.Select(b => (
                b.Max >= 200 ? $"{b.Min}+" : $"{b.Min}–{b.Max}",
                members.Count(x => x.Age >= b.Min && x.Age <= b.Max),
                Mean(b.Min, b.Max)))]);
    }
}
