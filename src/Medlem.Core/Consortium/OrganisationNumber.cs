namespace Medlem.Core.Consortium;

/// <summary>
/// The nine-digit organisation number of Enhetsregisteret (Brønnøysundregistrene). Its last digit
/// is a modulus-11 check digit over the first eight with weights 3, 2, 7, 6, 5, 4, 3, 2:
/// k = 11 − (sum mod 11), where 11 becomes 0 and 10 is never issued. Checking it catches most
/// typing errors before a library is configured with a wrong controller identity.
/// </summary>
public static class OrganisationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>True when <paramref name="value"/> is exactly nine ASCII digits with a correct check digit.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var check = CheckDigit(value.AsSpan(0, 8));
        return check is not null && check == value[8] - '0';
    }

    /// <summary>The check digit for eight leading digits, or null when the rule yields 10 (no such number exists).</summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstEight)
    {
        if (firstEight.Length != 8)
        {
            throw new ArgumentException("Eight digits are needed.", nameof(firstEight));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (firstEight[i] - '0') * Weights[i];
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
