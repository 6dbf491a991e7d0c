using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Members;

// Expected values come from the published rules, not from running the code.
//
// Sources (see also docs/national-identity-number.md):
// [2032]  Skatteetaten, "Nytt fødselsnummer fra 2032":
//         https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/
// [Tenor] Skatteetaten, "Test for konsumenter" (synthetic identities, +80 on the month, example table):
//         https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/test-for-konsumenter/
// [Fnr]   Skatteetaten, "Fødselsnummer" (structure, individual-number ranges per century, fictional example):
//         http://www.skatteetaten.no/nn/Person/Folkeregister/Fodsel-og-namneval/Barn-fodde-i-Noreg/Fodselsnummer/
// [Fnr-calc] fnrinfo.no, "Beregning av kontrollsiffer" (third-party worked example 311299567xx -> 31129956715):
//         http://www.fnrinfo.no/Teknisk/KontrollsifferBeregning.aspx
// [NAV]   navikt/fnrvalidator issue 116 (NAV synthetic +40 on the month, examples from NAV's Identpool):
//         https://github.com/navikt/fnrvalidator/issues/116
//
// Rules: k1 weights 3,7,6,1,8,9,4,5,2 over d1..d9; k2 weights 5,4,3,2,7,6,5,4,3,2 over d1..d9,k1.
// Pre-2032: k = 11 - (S mod 11), 11 -> 0, 10 -> invalid. From 2032 [2032]: k1 = {11,12,13,14} - (S mod 11),
// reduced by 11 when above 10, discarded when 10; i.e. (S + k1) mod 11 is 0, 1, 2 or 3. k2 unchanged.
//
// Hand computation A, 01019012480 (1 January 1990, individual number 124):
//   k1: 3·0 + 7·1 + 6·0 + 1·1 + 8·9 + 9·0 + 4·1 + 5·2 + 2·4 = 0+7+0+1+72+0+4+10+8 = 102; 102 mod 11 = 3; k1 = 11-3 = 8
//   k2: 5·0 + 4·1 + 3·0 + 2·1 + 7·9 + 6·0 + 5·1 + 4·2 + 3·4 + 2·8 = 0+4+0+2+63+0+5+8+12+16 = 110; 110 mod 11 = 0;
//       k2 = 11 -> 0
// Hand computation B, D-nummer 41019012474 (same date, first digit + 4):
//   k1: 3·4 + 7·1 + 6·0 + 1·1 + 8·9 + 9·0 + 4·1 + 5·2 + 2·4 = 12+7+0+1+72+0+4+10+8 = 114; 114 mod 11 = 4; k1 = 7
//   k2: 5·4 + 4·1 + 3·0 + 2·1 + 7·9 + 6·0 + 5·1 + 4·2 + 3·4 + 2·7 = 20+4+0+2+63+0+5+8+12+14 = 128; 128 mod 11 = 7;
//       k2 = 4
// Hand computation C, 01129955151 (1 December 1899, individual number 551 — the date and individual number of the
// fictional example "01 12 99 551 31" in [Fnr], with check digits computed by the rule):
//   k1: 0+7+6+2+72+81+20+25+2 = 215; 215 mod 11 = 6; k1 = 5
//   k2: 0+4+3+4+63+54+25+20+3+2·5 = 186; 186 mod 11 = 10; k2 = 1
//   So the published "…55131" does not satisfy the check digits (k1 = 3 gives (215+3) mod 11 = 9 > 3).
// Hand computation D, 01019012316 (2032 rule only; 1 January 1990, individual number 123):
//   S = 3·0 + 7·1 + 6·0 + 1·1 + 8·9 + 9·0 + 4·1 + 5·2 + 2·3 = 100; 100 mod 11 = 1.
//   Pre-2032: k1 = 11-1 = 10 -> no valid number. 2032: k1 = 12-1 = 11 -> 0, 13-1 = 12 -> 1, 14-1 = 13 -> 2.
//   With k1 = 1: (100+1) mod 11 = 2, accepted only by the 2032 rule.
//   k2: 0+4+0+2+63+0+5+8+9+2·1 = 93; 93 mod 11 = 5; k2 = 6
// Hand computation E, 01019012332 (same first nine digits, k1 = 3): (100+3) mod 11 = 4 -> rejected under both rules
//   (k2 = 2 is right for k1 = 3: 91+6 = 97; 97 mod 11 = 9; 11-9 = 2, so only k1 is at fault).
public class NationalIdentityNumberTests
{
    [Theory]
    [InlineData("01019012480", 1990, 1, 1)]   // A: individual 000–499 -> 1900–1999
    [InlineData("01129955151", 1899, 12, 1)]  // C: individual 500–749 with YY 54–99 -> 1854–1899
    [InlineData("02013299997", 2032, 1, 2)]   // [2032] worked example: 500–999 with YY 00–39 -> 2000–2039
    [InlineData("30108299920", 1982, 10, 30)] // [2032] example "Person 1": 900–999 with YY 40–99 -> 1940–1999
    [InlineData("29020050088", 2000, 2, 29)]  // 29 Feb 2000 exists (2000 is a leap year); individual 500, YY 00
    [InlineData("31129956715", 1899, 12, 31)] // [Fnr-calc] worked example: sums 241 (k1 = 11-10 = 1) and 215 (k2 = 11-6 = 5);
                                              // individual 567 with YY 99 -> 1899
    public void Check_ValidBirthNumber_ReturnsBirthDate(string value, int year, int month, int day)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.True(result.IsValid);
        Assert.Null(result.Error);
        Assert.Equal(NationalIdentityNumberKind.BirthNumber, result.Kind);
        Assert.Equal(new DateOnly(year, month, day), result.BirthDate);
        Assert.False(result.IsSynthetic);
    }

    [Fact]
    public void Check_DNumber_ReturnsDNumberKindAndBirthDate()
    {
        // B: first digit + 4 (day 41), as in Brønnøysund's "410170" / UDI's "410185" descriptions.
        var result = NationalIdentityNumber.Check("41019012474", allowSynthetic: false);

        Assert.True(result.IsValid);
        Assert.Equal(NationalIdentityNumberKind.DNumber, result.Kind);
        Assert.Equal(new DateOnly(1990, 1, 1), result.BirthDate);
    }

    [Theory]
    [InlineData("30108299939")] // [2032] example "Person 2": k1 = 12 - (196 mod 11) = 3, i.e. remainder 1
    [InlineData("01019012316")] // D: remainder 2
    public void Check_ValidOnlyUnderThe2032Rule_IsValidWithoutBirthDate(string value)
    {
        // [2032]: "Individnummeret vil ikke lenger angi århundre", so a number that can only have been issued
        // from 2032 gives no birth date (the owner of 30108299939 was born in 1982, the table would be a guess).
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.True(result.IsValid);
        Assert.Equal(NationalIdentityNumberKind.BirthNumber, result.Kind);
        Assert.Null(result.BirthDate);
    }

    [Fact]
    public void Check_FirstCheckDigitRemainderAboveThree_ReturnsInvalidCheckDigits()
    {
        // E: remainder 4 is outside {0, 1, 2, 3}.
        var result = NationalIdentityNumber.Check("01019012332", allowSynthetic: false);

        Assert.Equal(NationalIdentityNumberError.InvalidCheckDigits, result.Error);
    }

    [Theory]
    [InlineData("01019012481")] // A with k2 one too high
    [InlineData("10019012480")] // A with the first two digits swapped: k1 sum 98 + 8 = 106, 106 mod 11 = 7
    [InlineData("01129955131")] // the fictional example published in [Fnr], see C
    public void Check_WrongCheckDigits_ReturnsInvalidCheckDigits(string value)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.False(result.IsValid);
        Assert.Equal(NationalIdentityNumberError.InvalidCheckDigits, result.Error);
        Assert.Equal(NationalIdentityNumberKind.Unknown, result.Kind);
        Assert.Null(result.BirthDate);
    }

    [Theory] // The example table in [Tenor] (also quoted in [NAV]); month + 80, check digits unchanged.
    [InlineData("17912099997", NationalIdentityNumberKind.BirthNumber, 2020, 11, 17)]
    [InlineData("29822099635", NationalIdentityNumberKind.BirthNumber, 2020, 2, 29)]
    [InlineData("21929774873", NationalIdentityNumberKind.BirthNumber, 1897, 12, 21)]
    [InlineData("12905299938", NationalIdentityNumberKind.BirthNumber, 1952, 10, 12)]
    [InlineData("57912075186", NationalIdentityNumberKind.DNumber, 2020, 11, 17)]
    public void Check_TenorSyntheticWhenAllowed_IsValidSyntheticWithBirthDate(
        string value, NationalIdentityNumberKind kind, int year, int month, int day)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: true);

        Assert.True(result.IsValid);
        Assert.True(result.IsSynthetic);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(new DateOnly(year, month, day), result.BirthDate);
    }

    [Theory]
    [InlineData("17912099997")]
    [InlineData("57912075186")]
    public void Check_TenorSyntheticWhenNotAllowed_ReturnsSyntheticNotAllowed(string value)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.False(result.IsValid);
        Assert.Equal(NationalIdentityNumberError.SyntheticNotAllowed, result.Error);
    }

    [Fact]
    public void Check_SyntheticWithWrongCheckDigits_ReportsTheCheckDigitsNotTheSynthetic()
    {
        // 17912099997 from [Tenor] with k2 changed: SyntheticNotAllowed is only for otherwise valid numbers.
        var result = NationalIdentityNumber.Check("17912099998", allowSynthetic: false);

        Assert.Equal(NationalIdentityNumberError.InvalidCheckDigits, result.Error);
    }

    [Theory] // [NAV]: NAV's synthetic identities, month + 40.
    [InlineData("15507600333", NationalIdentityNumberKind.BirthNumber)] // 15.10.1976
    [InlineData("55507608360", NationalIdentityNumberKind.DNumber)]     // 15.10.1976
    public void Check_NavSyntheticWhenAllowed_IsValidSynthetic(string value, NationalIdentityNumberKind kind)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: true);

        Assert.True(result.IsValid);
        Assert.True(result.IsSynthetic);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(new DateOnly(1976, 10, 15), result.BirthDate);
    }

    [Fact]
    public void Check_MonthPlus40WhenSyntheticNotAllowed_ReturnsInvalidDateAsForHNumbers()
    {
        // Month 50 is also how an H-number (hjelpenummer, third digit + 4) looks; H-numbers are not national
        // identity numbers, so in production this is an impossible month even though the check digits hold.
        var result = NationalIdentityNumber.Check("15507600333", allowSynthetic: false);

        Assert.Equal(NationalIdentityNumberError.InvalidDate, result.Error);
    }

    [Theory] // Each has check digits that are correct by the rule, so only the date is wrong.
    [InlineData("31049012473")] // 31 April: k1 sum 114 -> 7, k2 sum 129 -> 3
    [InlineData("29029912473")] // 29 Feb 1999 (individual 124 -> 1900s), not a leap year
    [InlineData("29020012461")] // 29 Feb 1900 (individual 124 -> 1900s): 1900 is not a leap year
    [InlineData("01139012409")] // month 13: k1 sum 110, 110 mod 11 = 0, k1 = 11 -> 0
    [InlineData("32019012432")] // day 32
    [InlineData("81109012416")] // first digit 8: the old H-number form, neither a date nor a D-nummer day
    public void Check_ImpossibleDate_ReturnsInvalidDate(string value)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: true);

        Assert.Equal(NationalIdentityNumberError.InvalidDate, result.Error);
    }

    [Fact]
    public void Check_IndividualNumberOutsideCenturyTable_IsValidWithoutBirthDate()
    {
        // Individual 600 with YY 45 has no century in the pre-2032 table; from 2032 any individual number may be
        // used for any birth date [2032], so the number is accepted and the century left open.
        // k1: 0+7+0+1+32+45+24+0+0 = 109; 109 mod 11 = 10; k1 = 1. k2: 0+4+0+2+28+30+30+0+0+2 = 96; 96 mod 11 = 8; k2 = 3.
        var result = NationalIdentityNumber.Check("01014560013", allowSynthetic: false);

        Assert.True(result.IsValid);
        Assert.Null(result.BirthDate);
    }

    [Theory]
    [InlineData("0101901248")]
    [InlineData("010190124800")]
    public void Check_NotElevenDigits_ReturnsWrongLength(string value)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.Equal(NationalIdentityNumberError.WrongLength, result.Error);
    }

    [Theory]
    [InlineData("0101901248a")]
    [InlineData("010190-12480")]   // only whitespace is stripped, not hyphens
    [InlineData("\uFF101019012480")] // full-width zero is not an ASCII digit
    public void Check_CharacterOtherThanDigitOrWhitespace_ReturnsNotDigits(string value)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.Equal(NationalIdentityNumberError.NotDigits, result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Check_NullOrWhitespace_ReturnsEmpty(string? value)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.Equal(NationalIdentityNumberError.Empty, result.Error);
    }

    [Theory]
    [InlineData("010190 12480")]
    [InlineData(" 01 01 90 124 80 ")]
    [InlineData("010190\u00A012480")] // non-breaking space, as pasted from documents
    public void Check_WhitespaceInside_IsIgnored(string value)
    {
        var result = NationalIdentityNumber.Check(value, allowSynthetic: false);

        Assert.True(result.IsValid);
        Assert.Equal(new DateOnly(1990, 1, 1), result.BirthDate);
    }

    [Theory]
    [InlineData("01019012480", "010190*****")]
    [InlineData("010190 12480", "010190*****")]
    [InlineData("01129955131", "011299*****")] // eleven digits but not valid: still masked the same way
    public void Mask_ElevenDigits_ShowsOnlyTheFirstSix(string value, string expected)
    {
        Assert.Equal(expected, NationalIdentityNumber.Mask(value));
    }

    [Theory]
    [InlineData("0101901248")]
    [InlineData("0101901248a")]
    [InlineData("")]
    public void Mask_NotElevenDigits_MasksEverything(string value)
    {
        Assert.Equal("***********", NationalIdentityNumber.Mask(value));
    }
}
