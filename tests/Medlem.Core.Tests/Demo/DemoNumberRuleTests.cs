using Medlem.Core.Members;
using Medlem.Core.Consortium;
using Medlem.Core.Demo;
using Xunit;

namespace Medlem.Core.Tests.Demo;

/// <summary>The check-digit rules the demo relies on, each with a worked example.</summary>
public sealed class DemoNumberRuleTests
{
    /// <summary>
    /// Brønnøysund rule: weights 3,2,7,6,5,4,3,2 over the first eight digits, k = 11 − (sum mod 11),
    /// 11 → 0, 10 → no valid number. For 12345678: 3+4+21+24+25+24+21+16 = 138, 138 mod 11 = 6, k = 5.
    /// </summary>
    [Theory]
    [InlineData("123456785", true)]
    [InlineData("123456784", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567850", false)]
    [InlineData("12345678X", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Organisation_number_follows_the_modulus_11_rule(string? number, bool valid)
    {
        Assert.Equal(valid, OrganisationNumber.IsValid(number));
    }

    [Fact]
    public void Organisation_number_whose_check_would_be_10_does_not_exist()
    {
        // 1·3+0+0+0+0+0+1·3+3·2 = 12, 12 mod 11 = 1, k = 10.
        Assert.Null(OrganisationNumber.CheckDigit("10000013"));
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(OrganisationNumber.IsValid($"10000013{d}")));
    }

    [Fact]
    public void Demo_organisation_numbers_are_valid_and_cannot_be_real()
    {
        // Real organisation numbers begin with 8 or 9.
        Assert.All(DemoConsortium.Libraries(), l =>
        {
            Assert.True(OrganisationNumber.IsValid(l.OrganisationNumber), l.OrganisationNumber);
            Assert.StartsWith("1", l.OrganisationNumber, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// 01819000049 is 1 January 1990, synthetic (month 01 + 80), individual number 000.
    /// K1: 0·3+1·7+8·6+1·1+9·8+0·9+0·4+0·5+0·2 = 128, 128 mod 11 = 7, 11 − 7 = 4.
    /// K2: 0·5+1·4+8·3+1·2+9·7+0·6+0·5+0·4+0·3+4·2 = 101, 101 mod 11 = 2, 11 − 2 = 9.
    /// </summary>
    [Fact]
    public void Synthetic_identity_number_check_digits_follow_the_classic_rule()
    {
        Assert.Equal("01819000049", NationalIdentityNumber.WithClassicCheckDigits("018190000"));
        var check = NationalIdentityNumber.Check("01819000049", allowSynthetic: true);
        Assert.True(check.IsValid);
        Assert.True(check.IsSynthetic);
        Assert.Equal(new DateOnly(1990, 1, 1), check.BirthDate);
    }

    [Theory]
    [InlineData(1950, 6, 30)]
    [InlineData(1999, 12, 31)]
    [InlineData(2000, 1, 1)]
    [InlineData(2024, 2, 29)]
    public void Synthetic_identity_numbers_round_trip_their_birth_date_in_both_centuries(int year, int month, int day)
    {
        var birth = new DateOnly(year, month, day);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(1);
        for (var i = 0; i < 50; i++)
        {
            var number = SyntheticIdentityNumbers.Create(birth, random, taken);
            var check = NationalIdentityNumber.Check(number, allowSynthetic: true);
            Assert.True(check.IsValid && check.IsSynthetic, number);
            Assert.Equal(birth, check.BirthDate);
        }

        Assert.Equal(50, taken.Count);
    }

    [Fact]
    public void Card_numbers_use_the_Luhn_check_digit()
    {
        // The textbook Luhn example.
        Assert.True(CardNumbers.HasValidCheckDigit("79927398713"));
        Assert.False(CardNumbers.HasValidCheckDigit("79927398710"));
        var number = CardNumbers.Create("40", 1234);
        Assert.Equal(10, number.Length);
        Assert.StartsWith("400001234", number, StringComparison.Ordinal);
        Assert.True(CardNumbers.HasValidCheckDigit(number));
    }
}
