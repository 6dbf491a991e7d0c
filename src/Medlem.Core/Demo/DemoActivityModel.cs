using Codes = Medlem.Core.Members.DefaultMembershipTypes.Codes;

namespace Medlem.Core.Demo;

/// <summary>
/// Fills in the activity summary (loans in the last 12 months, last day of use) and the latent
/// activity profile of a library's memberships. Loans follow <see cref="DemoLoanModel"/>; then
/// enough non-borrowers are made active through events, wifi or digital loans that the passive
/// share meets <see cref="DemoCalibration.PassiveShare"/> in expectation.
/// </summary>
internal sealed class DemoActivityModel(DateOnly today, Random random)
{
    /// <summary>Share of active members aged 16 or more who sit on the user panel.</summary>
    public const double UserPanelShare = 0.025;

    private readonly DateOnly _periodStart = DemoCalibration.PeriodStart(today);

    public DemoLoanModel.Parameters? Parameters { get; private set; }

    /// <summary>Calibrates and samples a city library's memberships.</summary>
    public void Apply(IReadOnlyList<MembershipDraft> memberships)
    {
        var registered = memberships.Where(IsRegistered).ToList();
        var eligible = registered.Where(m => !m.Pending && Exposure(m) > 0 && DemoMembershipRules.AllowsPhysicalLoans(m.TypeCode)).ToList();
        var candidates = eligible.Select(Candidate).ToList();
        var youngAdults = registered.Count(m => DemoLoanModel.IsYoungAdult(AgeOf(m)));
        var parameters = DemoLoanModel.Solve(candidates, registered.Count, youngAdults);
        Parameters = parameters;

        var borrowers = 0;
        for (var i = 0; i < eligible.Count; i++)
        {
            var c = candidates[i];
            if (random.Chance(DemoLoanModel.Probability(parameters.Lambda, c.Band, c.Exposure)))
            {
                var mean = DemoLoanModel.ConditionalMean(c.Band, c.Exposure, c.YoungAdult, parameters.Kappa) - 1.0;
                var rate = random.Gamma(parameters.Dispersion, mean / parameters.Dispersion);
                var loans = 1 + random.Poisson(rate);
                var member = eligible[i];
                member.Loans = loans;
                member.LastUsedOn = LastUse(member, loans);
                member.Profile = DemoActivityProfiles.ForBorrower(AgeOf(member), (1.0 + rate) / Math.Max(c.Exposure, 0.25), random);
                borrowers++;
            }
        }

        MakeNonBorrowersActive(registered, borrowers);
        foreach (var member in memberships.Where(m => m.LastUsedOn is null && !m.Pending))
        {
            member.LastUsedOn = EarlierUse(member);
        }

        foreach (var member in registered.Where(m => IsActive(m) && m.BlockedAt is null && AgeOf(m) >= 16))
        {
            member.OnUserPanel = random.Chance(UserPanelShare);
        }
    }

    /// <summary>Holds a membership valid on some day of the period (DESIGN.md §6).</summary>
    public bool IsRegistered(MembershipDraft m) => m.ValidFrom <= today && (m.ValidTo is null || m.ValidTo >= _periodStart);

    private bool IsActive(MembershipDraft m) => m.LastUsedOn is { } used && used >= _periodStart;

    private int AgeOf(MembershipDraft m) => Ages.YearsBetween(m.Person.BirthDate, today);

    private DemoLoanModel.Candidate Candidate(MembershipDraft m)
    {
        var age = AgeOf(m);
        return new DemoLoanModel.Candidate(DemoLoanModel.BandOf(age), Exposure(m), DemoLoanModel.IsYoungAdult(age));
    }

    /// <summary>Share of the period in which the member could use the library: valid and not blocked.</summary>
    private double Exposure(MembershipDraft m)
    {
        var (start, end) = Window(m);
        var days = end.DayNumber - start.DayNumber + 1;
        return days <= 0 ? 0 : (double)days / (today.DayNumber - _periodStart.DayNumber + 1);
    }

    private (DateOnly Start, DateOnly End) Window(MembershipDraft m)
    {
        var start = DemoMembershipRules.Max(m.ValidFrom, _periodStart);
        var end = m.ValidTo is { } to ? DemoMembershipRules.Min(to, today) : today;
        if (m.BlockedAt is { } blocked)
        {
            end = DemoMembershipRules.Min(end, DateOnly.FromDateTime(blocked.UtcDateTime));
        }

        return (start, end);
    }

    /// <summary>The last of <paramref name="uses"/> uniform days in the window: the more use, the more recent.</summary>
    private DateOnly LastUse(MembershipDraft m, int uses)
    {
        var (start, end) = Window(m);
        var days = end.DayNumber - start.DayNumber;
        var fraction = Math.Pow(random.NextDouble(), 1.0 / uses);
        return start.AddDays((int)Math.Round(days * fraction));
    }

    /// <summary>
    /// Among registered non-borrowers, makes active those who use events, wifi or digital loans:
    /// digital members and young adults most. Their number is solved so that the expected passive
    /// share is the target, given the borrowers actually drawn.
    /// </summary>
    private void MakeNonBorrowersActive(List<MembershipDraft> registered, int borrowers)
    {
        var candidates = registered.Where(m => m.Loans == 0 && !m.Pending && Exposure(m) > 0).ToList();
        var weights = candidates.Select(m => UseWeight(m) * DemoLoanModel.ExposureFactor(Exposure(m))).ToList();
        var needed = ((1.0 - DemoCalibration.PassiveShare) * registered.Count) - borrowers;
        if (needed <= 0 || candidates.Count == 0)
        {
            return;
        }

        var scale = DemoLoanModel.Bisect(s => weights.Sum(w => Math.Min(0.95, s * w)) - needed, 0, 100);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (random.Chance(Math.Min(0.95, scale * weights[i])))
            {
                var m = candidates[i];
                var channel = DemoActivityProfiles.ChannelFor(m.TypeCode, AgeOf(m), random);
                m.Profile = DemoActivityProfiles.ForNonBorrower(AgeOf(m), channel, random);
                m.LastUsedOn = LastUse(m, 3);
            }
        }
    }

    private double UseWeight(MembershipDraft m)
    {
        var age = AgeOf(m);
        var weight = m.TypeCode switch
        {
            Codes.NationalDigital => 5.0,
            Codes.Digital => 4.0,
            _ when DemoLoanModel.IsYoungAdult(age) => 2.5,
            _ when age >= 13 => 1.5,
            _ => 1.0,
        };
        return m.BlockedAt is null ? weight : weight * 0.2;
    }

    /// <summary>A passive member's last use: often long ago, sometimes never (null).</summary>
    private DateOnly? EarlierUse(MembershipDraft m)
    {
        var end = DemoMembershipRules.Min(m.ValidTo ?? today, _periodStart.AddDays(-1));
        if (m.BlockedAt is { } blocked)
        {
            end = DemoMembershipRules.Min(end, DateOnly.FromDateTime(blocked.UtcDateTime));
        }

        var days = end.DayNumber - m.ValidFrom.DayNumber;
        if (days <= 0 || !random.Chance(0.7))
        {
            return null;
        }

        return m.ValidFrom.AddDays(random.Next(days + 1));
    }
}
