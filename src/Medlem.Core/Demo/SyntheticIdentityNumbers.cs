using System.Globalization;

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

    private static readonly int[] K1Weights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] K2Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

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
            var nine = prefix + individual.ToString("000", CultureInfo.InvariantCulture);
            var k1 = CheckDigit(nine, K1Weights);
            if (k1 is null)
            {
                continue;
            }

            var ten = nine + k1.Value.ToString(CultureInfo.InvariantCulture);
            var k2 = CheckDigit(ten, K2Weights);
            if (k2 is null)
            {
                continue;
            }

            var number = ten + k2.Value.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(number))
            {
                return number;
            }
        }

        throw new InvalidOperationException("No free synthetic identity number left for this birth date.");
    }

    /// <summary>True when both check digits of an 11-digit number are right (real or synthetic).</summary>
    public static bool HasValidCheckDigits(string number)
    {
        if (number.Length != 11 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        return CheckDigit(number[..9], K1Weights) == number[9] - '0'
            && CheckDigit(number[..10], K2Weights) == number[10] - '0';
    }

    /// <summary>True when the month field carries the synthetic +80 mark.</summary>
    public static bool IsSynthetic(string number) =>
        number.Length == 11 && int.Parse(number.AsSpan(2, 2), CultureInfo.InvariantCulture) > SyntheticMonthOffset;

    /// <summary>The birth date a synthetic number encodes.</summary>
    public static DateOnly BirthDateOf(string number)
    {
        var day = int.Parse(number.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(number.AsSpan(2, 2), CultureInfo.InvariantCulture) - SyntheticMonthOffset;
        var year = int.Parse(number.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var individual = int.Parse(number.AsSpan(6, 3), CultureInfo.InvariantCulture);
        var century = individual < 500 ? 1900 : 2000;
        return new DateOnly(century + year, month, day);
    }

    private static int? CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var k = 11 - (sum % 11);
        return k switch
        {
            11 => 0,
            10 => null,
            _ => k,
        };
    }
}
