using System.Globalization;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// Dates and numbers as exports write them. Times without an offset are local to the library
/// (Koha's <c>2026-03-14 12:30:05</c>, Excel's <c>14.03.2026 12:30</c>); times with one (FOLIO's
/// <c>2026-03-14T11:30:05.000+00:00</c>) are turned into the library's local time, so a loan
/// lands on the day the library saw it.
/// </summary>
internal static class FieldParsers
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy",
    ];

    public static bool TryLocalTime(ReadOnlySpan<char> text, TimeZoneInfo zone, out DateTime local)
    {
        if (TryKohaTime(text, out local))
        {
            return true;
        }

        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            local = TimeZoneInfo.ConvertTime(withOffset, zone).DateTime;
            return true;
        }

        return DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
    }

    public static bool TryDate(ReadOnlySpan<char> text, TimeZoneInfo zone, out DateOnly date)
    {
        var ok = TryLocalTime(text, zone, out var local);
        date = DateOnly.FromDateTime(local);
        return ok;
    }

    public static bool TryInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> read digit by digit: ten million of these must cost next to nothing.</summary>
    private static bool TryKohaTime(ReadOnlySpan<char> s, out DateTime local)
    {
        local = default;
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>A number of ASCII digits only (no sign, no spaces).</summary>
    internal static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool HasOffset(ReadOnlySpan<char> s) =>
        s.Length > 10 && (s[^1] is 'Z' or 'z' || (s.Length >= 6 && s[^6] is '+' or '-' && s[^3] == ':'));
}
