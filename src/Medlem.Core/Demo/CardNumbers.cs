using System.Globalization;

namespace Medlem.Core.Demo;

/// <summary>
/// Demo library card numbers: a two-digit library prefix, a seven-digit serial and a Luhn check
/// digit (ten digits). The check digit lets a scanner or a typing member be caught before a
/// wrong card is looked up; the prefix tells at a glance which library issued the card.
/// </summary>
public static class CardNumbers
{
    public static string Create(string prefix, int serial)
    {
        if (prefix.Length != 2 || serial is < 0 or > 9_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), serial, "Prefix must be two digits and serial at most seven.");
        }

        var body = prefix + serial.ToString("0000000", CultureInfo.InvariantCulture);
        return body + LuhnCheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when the last digit is the Luhn check digit of the others.</summary>
    public static bool IsValid(string number) =>
        number.Length >= 2 && number.All(char.IsAsciiDigit) && LuhnCheckDigit(number[..^1]) == number[^1] - '0';

    /// <summary>The Luhn (mod 10) check digit: double every second digit from the right of the body.</summary>
    public static int LuhnCheckDigit(string body)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
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

        return (10 - (sum % 10)) % 10;
    }
}
