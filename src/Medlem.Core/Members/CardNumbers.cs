using System.Security.Cryptography;

namespace Medlem.Core.Members;

/// <summary>
/// Library card numbers: ten digits, the last a Luhn check digit so that a mistyped number is
/// caught at the desk. Unique per library (the database enforces it).
/// </summary>
public static class CardNumbers
{
    public const int MaxLength = 32;

    /// <summary>A new random number. Random, not sequential, so a number says nothing about its holder.</summary>
    public static string Generate()
    {
        Span<char> digits = stackalloc char[10];
        for (var i = 0; i < 9; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10));
        }

        digits[9] = LuhnCheckDigit(digits[..9]);
        return new string(digits);
    }

    /// <summary>
    /// A card number typed or imported: 4–32 letters or digits, as library systems use many
    /// formats (Koha accepts any cardnumber). Luhn is checked only for our own generated format.
    /// </summary>
    public static bool IsWellFormed(string number) =>
        number.Length is >= 4 and <= MaxLength && number.All(char.IsAsciiLetterOrDigit);

    /// <summary>A ten-digit number from a two-digit prefix and a seven-digit serial (the demo's sequential cards).</summary>
    public static string Create(string prefix, int serial)
    {
        if (prefix.Length != 2 || !prefix.All(char.IsAsciiDigit) || serial is < 0 or > 9_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "The prefix must be two digits and the serial at most seven.");
        }

        var body = prefix + serial.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
        return body + LuhnCheckDigit(body);
    }

    /// <summary>True when all are digits and the last is the Luhn check digit of the others.</summary>
    public static bool HasValidCheckDigit(string number) =>
        number.Length >= 2 && number.All(char.IsAsciiDigit) && LuhnCheckDigit(number.AsSpan(0, number.Length - 1)) == number[^1];

    public static char LuhnCheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
