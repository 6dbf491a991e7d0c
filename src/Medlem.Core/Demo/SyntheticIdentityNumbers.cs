using System.Globalization;
using Medlem.Core.Members;

namespace Medlem.Core.Demo;

/// <summary>
/// Synthetic national identity numbers (syntetiske fødselsnumre) in the style of Skatteetaten's
/// Tenor test data: the birth month is written plus 80, so the number can never be a real
/// person's, yet it has valid check digits and passes the same validation as a real one.
/// </summary>
/// <remarks>
/// Layout DDMMYY III K1 K2. The individual number III encodes the century (000–499 for
/// 1900–1999, 500–999 for 2000–2039). Check digits by the classic modulus-11 rule:
/// K1 with weights 3,7,6,1,8,9,4,5,2 over the first nine digits, K2 with weights
/// 5,4,3,2,7,6,5,4,3,2 over the first ten; k = 11 − (sum mod 11), 11 becomes 0, and an
/// individual number giving 10 is not used (the generator draws another).
/// </remarks>
public static class SyntheticIdentityNumbers
{
    /// <summary>What Tenor adds to the month of a synthetic number.</summary>
    public const int SyntheticMonthOffset = 80;

    /// <summary>A synthetic number for <paramref name="birthDate"/> that is not in <paramref name="taken"/>; adds it there.</summary>
    internal static string Create(DateOnly birthDate, Random random, HashSet<string> taken)
    {
        if (birthDate.Year is < 1900 or > 2039)
        {
            throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "Only 1900–2039 are supported.");
        }

        var (low, high) = birthDate.Year < 2000 ? (0, 499) : (500, 999);
        var prefix = string.Create(CultureInfo.InvariantCulture,
            $"{birthDate.Day:00}{birthDate.Month + SyntheticMonthOffset:00}{birthDate.Year % 100:00}");
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var individual = random.Between(low, high);
            var number = NationalIdentityNumber.WithClassicCheckDigits(prefix + individual.ToString("000", CultureInfo.InvariantCulture));
            if (number is not null && taken.Add(number))
            {
                return number;
            }
        }

        throw new InvalidOperationException("No free synthetic identity number left for this birth date.");
    }
}
