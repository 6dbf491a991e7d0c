using System.Globalization;

namespace Medlem.Core.Members;

/// <summary>Normalises e-mail addresses and mobile numbers so that one person's contact point is stored one way.</summary>
public static class ContactValues
{
    public const int MaxEmailLength = 254;

    /// <summary>Lower-cased, trimmed address, or null when it is not a plausible address.</summary>
    public static string? NormaliseEmail(string? value)
    {
        var cleaned = InputText.Clean(value);
        if (cleaned is null || cleaned.Length > MaxEmailLength || InputText.HasControlCharacters(cleaned))
        {
            return null;
        }

        var at = cleaned.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != cleaned.LastIndexOf('@') || cleaned.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var domain = cleaned[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot <= 0 || dot == domain.Length - 1 ? null : cleaned.ToLowerInvariant();
    }

    /// <summary>
    /// A mobile number in E.164 form. Eight digits without a country code are Norwegian and must
    /// start with 4 or 9 (Nkom's numbering plan for mobile numbers); other countries need +.
    /// </summary>
    public static string? NormaliseMobile(string? value)
    {
        var cleaned = InputText.Clean(value);
        if (cleaned is null)
        {
            return null;
        }

        var compact = new string(cleaned.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }

        if (compact.Length == 8 && compact.All(char.IsAsciiDigit))
        {
            compact = "+47" + compact;
        }

        // E.164: a plus, a country code that never begins with 0, at most 15 digits.
        if (compact.Length < 9 || compact.Length > 16 || compact[0] != '+' || compact[1] == '0' || !compact[1..].All(char.IsAsciiDigit))
        {
            return null;
        }

        if (compact.StartsWith("+47", StringComparison.Ordinal)
            && (compact.Length != 11 || compact[3] is not ('4' or '9')))
        {
            return null;
        }

        return compact.ToString(CultureInfo.InvariantCulture);
    }
}
