namespace Medlem.Core.Demo;

/// <summary>
/// The latent loan model. A registered member who may borrow physical items borrows at all with
/// probability p = min(0.97, λ·w(band)·g(exposure)); a borrower's count is 1 + NB(r, c − 1), a
/// negative binomial drawn as a Poisson of a Gamma rate, whose heavy tail gives the few very
/// heavy borrowers a library has. λ, κ (the conditional-mean scale for ages 16–29) and r are
/// solved per library against <see cref="DemoCalibration"/> on the population actually
/// generated, so the expected figures equal the targets and only sampling noise remains.
/// </summary>
internal static class DemoLoanModel
{
    /// <summary>Relative propensity to borrow at all, per age band of DESIGN.md §6.</summary>
    public static readonly double[] BorrowWeight = [1.00, 1.55, 1.15, 0.45, 0.48, 0.95, 0.95, 1.05];

    /// <summary>Loans a year of a borrower in each band, before exposure (school children highest).</summary>
    public static readonly double[] BorrowerMeanLoans = [18, 24, 15, 8, 9, 15, 17, 21];

    public const double MaxBorrowProbability = 0.97;

    public static int BandOf(int age)
    {
        var bands = DemoCalibration.AgeBands;
        for (var i = 0; i < bands.Count; i++)
        {
            if (age >= bands[i].Min && age <= bands[i].Max)
            {
                return i;
            }
        }

        return bands.Count - 1;
    }

    public static bool IsYoungAdult(int age) => age is >= DemoCalibration.YoungAdultMinAge and <= DemoCalibration.YoungAdultMaxAge;

    /// <summary>A member who joined (or left) during the period had less time to borrow; new members often borrow at once.</summary>
    public static double ExposureFactor(double exposure) => 0.35 + (0.65 * exposure);

    public static double Probability(double lambda, int band, double exposure) =>
        Math.Min(MaxBorrowProbability, lambda * BorrowWeight[band] * ExposureFactor(exposure));

    /// <summary>Expected loans of a borrower: 1 + κ·(c − 1)·exposure, κ applying to ages 16–29 only.</summary>
    public static double ConditionalMean(int band, double exposure, bool youngAdult, double kappa) =>
        1.0 + ((youngAdult ? kappa : 1.0) * (BorrowerMeanLoans[band] - 1.0) * exposure);

    /// <summary>P(1 + Y ≤ 3) for Y ~ NB with size r and mean μ.</summary>
    public static double OneToThree(double r, double mu)
    {
        if (mu <= 0)
        {
            return 1.0;
        }

        var s = mu / (r + mu);
        var p0 = Math.Exp(r * Math.Log(r / (r + mu)));
        var p1 = r * s * p0;
        var p2 = (r + 1) / 2.0 * s * p1;
        return p0 + p1 + p2;
    }

    /// <summary>Solves an increasing function for zero by bisection between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public static double Bisect(Func<double, double> increasing, double low, double high)
    {
        if (increasing(high) <= 0)
        {
            return high;
        }

        if (increasing(low) >= 0)
        {
            return low;
        }

        for (var i = 0; i < 80; i++)
        {
            var mid = (low + high) / 2;
            if (increasing(mid) < 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>The calibrated parameters of one library.</summary>
    public sealed record Parameters(double Lambda, double Kappa, double Dispersion);

    /// <summary>A member who may borrow, as the solver sees it.</summary>
    public readonly record struct Candidate(int Band, double Exposure, bool YoungAdult);

    /// <summary>
    /// Solves λ for the active-borrower count, then κ for the 16–29 mean (linear, closed form),
    /// then r for the 1–3 count (P(1–3) falls as r grows). Order matters only in that each
    /// step uses the ones before; r changes neither p nor the means.
    /// </summary>
    public static Parameters Solve(IReadOnlyList<Candidate> candidates, int registered, int registeredYoungAdults)
    {
        var borrowers = DemoCalibration.ActiveBorrowerShare * registered;
        var lambda = Bisect(l => candidates.Sum(c => Probability(l, c.Band, c.Exposure)) - borrowers, 0, 20);

        var youngTarget = DemoCalibration.YoungAdultMeanLoans * registeredYoungAdults;
        double baseSum = 0, slope = 0;
        foreach (var c in candidates.Where(c => c.YoungAdult))
        {
            var p = Probability(lambda, c.Band, c.Exposure);
            baseSum += p;
            slope += p * (BorrowerMeanLoans[c.Band] - 1.0) * c.Exposure;
        }

        var kappa = slope > 0 ? Math.Max(0, (youngTarget - baseSum) / slope) : 1.0;

        var oneToThree = DemoCalibration.OneToThreeShare * registered;
        var logR = Bisect(
            lr => oneToThree - candidates.Sum(c =>
                Probability(lambda, c.Band, c.Exposure)
                * OneToThree(Math.Exp(lr), ConditionalMean(c.Band, c.Exposure, c.YoungAdult, kappa) - 1.0)),
            Math.Log(0.02), Math.Log(200));
        return new Parameters(lambda, kappa, Math.Exp(logR));
    }
}
