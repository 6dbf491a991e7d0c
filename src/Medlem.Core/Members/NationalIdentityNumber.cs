namespace Medlem.Core.Members;

/// <summary>
/// Validation of Norwegian national identity numbers (fødselsnummer and D-nummer) by Skatteetaten's published rules,
/// including the first-check-digit change for numbers issued from 1 January 2032.
/// The rules, their sources and the choices made where the sources are silent are in docs/national-identity-number.md.
/// </summary>
/// <remarks>
/// A valid number only means the number is well formed; it does not prove that it has been issued or who holds it.
/// Treat the value as sensitive personal data: log and display it through <see cref="Mask"/>.
/// </remarks>
public static class NationalIdentityNumber
{
    private const int Length = 11;
    private const string FullyMasked = "***********";
    private const string MaskSuffix = "*****";

    // D-nummer: 4 is added to the first digit of the day, so day 01-31 becomes 41-71.
    private const int DNumberDayOffset = 40;

    // Synthetic test identities: Skatteetaten's Tenor test population adds 80 to the month;
    // NAV's Dolly/Identpool adds 40, which is the same pattern as a health-sector H-number.
    private const int TenorMonthOffset = 80;
    private const int NavMonthOffset = 40;

    // Skatteetaten: the weighted sum over d1..d9 plus k1, taken mod 11, must be 0 (before 2032) or 0-3 (from 2032).
    private const int HighestAcceptedK1Remainder = 3;

    /// <summary>Weights for k1 over d1..d9 (Skatteetaten: 3, 7, 6, 1, 8, 9, 4, 5, 2).</summary>
    private static ReadOnlySpan<int> K1Weights => [3, 7, 6, 1, 8, 9, 4, 5, 2];

    /// <summary>Weights for k2 over d1..d9 and k1 (Skatteetaten: 5, 4, 3, 2, 7, 6, 5, 4, 3, 2).</summary>
    private static ReadOnlySpan<int> K2Weights => [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>
    /// Checks whether <paramref name="value"/> is a well-formed fødselsnummer or D-nummer.
    /// </summary>
    /// <param name="value">
    /// The number as typed. Whitespace anywhere is ignored (people write "010190 12345");
    /// any other separator such as '-' or '.' is rejected as <see cref="NationalIdentityNumberError.NotDigits"/>
    /// so that a mistyped number is never silently repaired.
    /// </param>
    /// <param name="allowSynthetic">
    /// Pass <see langword="true"/> only in test environments. Synthetic identities (Tenor: month + 80,
    /// NAV: month + 40) never belong to real people, and production must not accept them.
    /// </param>
    /// <returns>
    /// When <see cref="NationalIdentityNumberCheck.IsValid"/> is <see langword="false"/>, only
    /// <see cref="NationalIdentityNumberCheck.Error"/> carries information; the other members are defaults.
    /// <see cref="NationalIdentityNumberCheck.BirthDate"/> is <see langword="null"/> on a valid number when the
    /// number does not determine the century (numbers issued from 2032); callers that need the birth date must then
    /// ask for it or take it from Folkeregisteret. It is not compared with today's date.
    /// </returns>
    public static NationalIdentityNumberCheck Check(string? value, bool allowSynthetic)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Invalid(NationalIdentityNumberError.Empty);
        }

        Span<int> digits = stackalloc int[Length];
        if (!TryReadDigits(value, digits, out var error))
        {
            return Invalid(error);
        }

        var day = (digits[0] * 10) + digits[1];
        var month = (digits[2] * 10) + digits[3];
        var yearInCentury = (digits[4] * 10) + digits[5];
        var individualNumber = (digits[6] * 100) + (digits[7] * 10) + digits[8];

        var kind = NationalIdentityNumberKind.BirthNumber;
        if (day > DNumberDayOffset)
        {
            kind = NationalIdentityNumberKind.DNumber;
            day -= DNumberDayOffset;
        }

        var isSynthetic = false;
        if (month > TenorMonthOffset)
        {
            isSynthetic = true;
            month -= TenorMonthOffset;
        }
        else if (month > NavMonthOffset)
        {
            // Month + 40 is both NAV's synthetic marker and the H-number (hjelpenummer) marker, and the two cannot
            // be told apart. H-numbers are not national identity numbers, so outside test environments this is
            // an impossible month, not a synthetic number.
            if (!allowSynthetic)
            {
                return Invalid(NationalIdentityNumberError.InvalidDate);
            }

            isSynthetic = true;
            month -= NavMonthOffset;
        }

        var k1Remainder = K1Remainder(digits);
        var k1Valid = k1Remainder <= HighestAcceptedK1Remainder;
        var issuedUnder2032Rule = k1Valid && k1Remainder > 0;

        // From 2032 "Individnummeret vil ikke lenger angi århundre" (Skatteetaten), so the century table is only
        // trusted for numbers that satisfy the pre-2032 check digit. A number that can only be a 2032 number, or whose
        // individual number falls outside the table, gets no birth date; its day and month must still exist.
        var century = issuedUnder2032Rule ? null : CenturyFromIndividualNumber(individualNumber, yearInCentury);
        DateOnly? birthDate;
        if (century is { } knownCentury)
        {
            if (!TryCreateDate(knownCentury + yearInCentury, month, day, out var date))
            {
                return Invalid(NationalIdentityNumberError.InvalidDate);
            }

            birthDate = date;
        }
        else
        {
            // 2000 + YY is a leap year exactly when some year ending in YY is, so 29 February is accepted
            // precisely when it can exist.
            if (!TryCreateDate(2000 + yearInCentury, month, day, out _))
            {
                return Invalid(NationalIdentityNumberError.InvalidDate);
            }

            birthDate = null;
        }

        if (!k1Valid || !K2Valid(digits))
        {
            return Invalid(NationalIdentityNumberError.InvalidCheckDigits);
        }

        if (isSynthetic && !allowSynthetic)
        {
            return Invalid(NationalIdentityNumberError.SyntheticNotAllowed);
        }

        return new NationalIdentityNumberCheck(true, kind, birthDate, null, isSynthetic);
    }

    /// <summary>
    /// Returns a form safe to log or show: the six date digits followed by "*****", e.g. "010190*****".
    /// </summary>
    /// <remarks>
    /// Whitespace is ignored as in <see cref="Check"/>. Anything that is not eleven digits yields "***********",
    /// because a malformed value may still be most of a real number. The number does not have to be valid.
    /// </remarks>
    public static string Mask(string value)
    {
        if (value is null)
        {
            return FullyMasked;
        }

        Span<int> digits = stackalloc int[Length];
        if (!TryReadDigits(value, digits, out _))
        {
            return FullyMasked;
        }

        Span<char> masked = stackalloc char[Length];
        for (var i = 0; i < 6; i++)
        {
            masked[i] = (char)('0' + digits[i]);
        }

        MaskSuffix.AsSpan().CopyTo(masked[6..]);
        return new string(masked);
    }

    private static bool TryReadDigits(string value, Span<int> digits, out NationalIdentityNumberError error)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            // Only ASCII 0-9: char.IsDigit would also accept e.g. Arabic-Indic or full-width digits.
            if (!char.IsAsciiDigit(c))
            {
                error = NationalIdentityNumberError.NotDigits;
                return false;
            }

            if (count < Length)
            {
                digits[count] = c - '0';
            }

            count++;
        }

        if (count == 0)
        {
            error = NationalIdentityNumberError.Empty;
            return false;
        }

        if (count != Length)
        {
            error = NationalIdentityNumberError.WrongLength;
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>
    /// Appends both check digits by the classic (pre-2032) rule to nine digits (DDMMYYIII), or
    /// returns null when either would be 10 (no such number is issued). Used to make synthetic
    /// test numbers; real numbers come from Folkeregisteret, never from here.
    /// </summary>
    public static string? WithClassicCheckDigits(string nineDigits)
    {
        if (nineDigits.Length != 9 || !nineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Nine digits are needed.", nameof(nineDigits));
        }

        Span<int> digits = stackalloc int[11];
        for (var i = 0; i < 9; i++)
        {
            digits[i] = nineDigits[i] - '0';
        }

        // (S + k) mod 11 = 0 is the classic rule for both digits (see K1Remainder and K2Valid).
        for (var k1 = 0; k1 <= 9; k1++)
        {
            digits[9] = k1;
            if (K1Remainder(digits) != 0)
            {
                continue;
            }

            for (var k2 = 0; k2 <= 9; k2++)
            {
                digits[10] = k2;
                if (K2Valid(digits))
                {
                    return string.Concat(nineDigits, (char)('0' + k1), (char)('0' + k2));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// (3·d1 + 7·d2 + 6·d3 + 1·d4 + 8·d5 + 9·d6 + 4·d7 + 5·d8 + 2·d9 + 1·k1) mod 11.
    /// </summary>
    /// <remarks>
    /// Skatteetaten states k1 = {11, 12, 13, 14} − (S mod 11), reduced by 11 when above 10, and discarded when 10,
    /// where S is the sum without k1. For a digit k1 that is the same as (S + k1) mod 11 being 0, 1, 2 or 3;
    /// the pre-2032 rule (k1 = 11 − (S mod 11), 11 → 0, 10 → invalid) is the case 0.
    /// </remarks>
    private static int K1Remainder(ReadOnlySpan<int> digits)
    {
        var sum = digits[9];
        for (var i = 0; i < K1Weights.Length; i++)
        {
            sum += K1Weights[i] * digits[i];
        }

        return sum % 11;
    }

    /// <summary>
    /// k2 = 11 − (S mod 11) over d1..d9 and k1, 11 → 0, 10 → invalid; unchanged in 2032.
    /// For a digit k2 that is the same as (S + k2) mod 11 being 0.
    /// </summary>
    private static bool K2Valid(ReadOnlySpan<int> digits)
    {
        var sum = digits[10];
        for (var i = 0; i < K2Weights.Length; i++)
        {
            sum += K2Weights[i] * digits[i];
        }

        return sum % 11 == 0;
    }

    /// <summary>
    /// Century from Skatteetaten's allocation table for numbers issued before 2032:
    /// 000–499 → 1900–1999; 500–749 with YY 54–99 → 1854–1899; 500–999 with YY 00–39 → 2000–2039;
    /// 900–999 with YY 40–99 → 1940–1999. Any other combination was never allocated under that table.
    /// </summary>
    private static int? CenturyFromIndividualNumber(int individualNumber, int yearInCentury) => individualNumber switch
    {
        < 500 => 1900,
        < 750 when yearInCentury >= 54 => 1800,
        _ when yearInCentury < 40 => 2000,
        >= 900 => 1900,
        _ => null,
    };

    private static bool TryCreateDate(int year, int month, int day, out DateOnly date)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            date = default;
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static NationalIdentityNumberCheck Invalid(NationalIdentityNumberError error) =>
        new(false, NationalIdentityNumberKind.Unknown, null, error);
}

/// <summary>Outcome of <see cref="NationalIdentityNumber.Check"/>.</summary>
/// <param name="IsValid">Whether the number is well formed and acceptable under the given options.</param>
/// <param name="Kind">Fødselsnummer or D-nummer; <see cref="NationalIdentityNumberKind.Unknown"/> when not valid.</param>
/// <param name="BirthDate">
/// Birth date encoded in the number, or <see langword="null"/> when the number does not determine the century
/// (issued from 2032) or is not valid. For a D-nummer this may be the registration date, not the birth date (UDI),
/// so it must not override a birth date from Folkeregisteret.
/// </param>
/// <param name="Error">Why the number was rejected; <see langword="null"/> when valid.</param>
/// <param name="IsSynthetic">
/// Whether the number is a synthetic test identity (Tenor month + 80 or NAV month + 40). Only ever
/// <see langword="true"/> when synthetic numbers were allowed.
/// </param>
public sealed record NationalIdentityNumberCheck(
    bool IsValid,
    NationalIdentityNumberKind Kind,
    DateOnly? BirthDate,
    NationalIdentityNumberError? Error,
    bool IsSynthetic = false);

/// <summary>The kind of a valid national identity number.</summary>
public enum NationalIdentityNumberKind
{
    /// <summary>Not determined, because the number is not valid.</summary>
    Unknown,

    /// <summary>Fødselsnummer: issued to people registered as resident in Norway.</summary>
    BirthNumber,

    /// <summary>D-nummer: day + 40, issued to people who need an identity number without being resident.</summary>
    DNumber,
}

/// <summary>
/// Why <see cref="NationalIdentityNumber.Check"/> rejected a number. Checks run in this order: Empty, NotDigits,
/// WrongLength, InvalidDate, InvalidCheckDigits, SyntheticNotAllowed; the first failure is reported.
/// </summary>
public enum NationalIdentityNumberError
{
    /// <summary>Nothing but whitespace, or null.</summary>
    Empty,

    /// <summary>Only digits and whitespace, but not eleven digits.</summary>
    WrongLength,

    /// <summary>A character other than an ASCII digit or whitespace.</summary>
    NotDigits,

    /// <summary>
    /// The date part is not a calendar date after removing the D-nummer and synthetic offsets;
    /// this includes H-numbers (month + 40) when synthetic numbers are not allowed.
    /// </summary>
    InvalidDate,

    /// <summary>k1 or k2 does not satisfy the modulus-11 check, under either the pre-2032 or the 2032 rule.</summary>
    InvalidCheckDigits,

    /// <summary>An otherwise valid Tenor synthetic number (month + 80) when synthetic numbers are not allowed.</summary>
    SyntheticNotAllowed,
}
