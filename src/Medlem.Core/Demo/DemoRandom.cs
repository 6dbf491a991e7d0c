namespace Medlem.Core.Demo;

/// <summary>
/// Sampling helpers over <see cref="Random"/>. Everything the generator draws goes through one
/// seeded <see cref="Random"/> in a fixed order, so a seed reproduces the consortium exactly;
/// these helpers must therefore never draw from anywhere else (no <see cref="Guid.NewGuid"/>,
/// no shared random).
/// </summary>
internal static class DemoRandom
{
    /// <summary>A version-4 style Guid made from the seeded stream (not cryptographically random: demo data only).</summary>
    public static Guid NextGuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// Picks from a list ordered by frequency, favouring the front (index ∝ u^1.25: the first of
    /// 25 names gets about 8 %, the first of 90 family names about 3 %).
    /// </summary>
    public static T PickCommon<T>(this Random random, IReadOnlyList<T> items)
    {
        var u = Math.Pow(random.NextDouble(), 1.25);
        return items[Math.Min(items.Count - 1, (int)(items.Count * u))];
    }

    /// <summary>Index drawn in proportion to <paramref name="weights"/>.</summary>
    public static int PickWeighted(this Random random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="max"/>] inclusive.</summary>
    public static int Between(this Random random, int min, int max) => random.Next(min, max + 1);

    public static double StandardNormal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, scale) by Marsaglia and Tsang; shapes below 1 by the U^(1/shape) boost.</summary>
    public static double Gamma(this Random random, double shape, double scale)
    {
        if (shape < 1.0)
        {
            var boost = Math.Pow(1.0 - random.NextDouble(), 1.0 / shape);
            return random.Gamma(shape + 1.0, scale) * boost;
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = random.StandardNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v * scale;
            }
        }
    }

    /// <summary>
    /// Poisson by Knuth's product method, split into chunks of mean 30 at most (a sum of
    /// independent Poissons is Poisson), so it stays exact and never underflows.
    /// </summary>
    public static int Poisson(this Random random, double mean)
    {
        var count = 0;
        while (mean > 0)
        {
            var chunk = Math.Min(mean, 30.0);
            mean -= chunk;
            var limit = Math.Exp(-chunk);
            var product = random.NextDouble();
            while (product > limit)
            {
                count++;
                product *= random.NextDouble();
            }
        }

        return count;
    }
}
