using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Members;

// Luhn (ISO/IEC 7812-1, Annex B "Luhn formula for computing modulus-10 'double-add-double' check digits"):
// from the rightmost payload digit leftwards, double every other digit starting with the rightmost, subtract 9
// from results above 9, add everything; the check digit is (10 - sum mod 10) mod 10.
public class CardNumbersTests
{
    [Theory]
    // The classic example (e.g. Wikipedia "Luhn algorithm"): payload 7992739871, check digit 3.
    // Right to left: 1*2=2, 7, 8*2=16->7, 9, 3*2=6, 7, 2*2=4, 9, 9*2=18->9, 7; sum 67; (10 - 7) mod 10 = 3.
    [InlineData("7992739871", '3')]
    // 123456789: doubled 9->18->9, 7->14->5, 5->10->1, 3->6, 1->2 (sum 23); kept 8+6+4+2 = 20; 43; (10-3) = 7.
    [InlineData("123456789", '7')]
    // All zeros: sum 0, (10 - 0) mod 10 = 0.
    [InlineData("000000000", '0')]
    // 5: doubled 10 -> 1; (10 - 1) = 9.
    [InlineData("5", '9')]
    // 18: 8 doubled 16 -> 7, plus 1 = 8; (10 - 8) = 2.
    [InlineData("18", '2')]
    public void LuhnCheckDigit_KnownPayloads_GivesTheDefinedDigit(string payload, char expected)
    {
        Assert.Equal(expected, CardNumbers.LuhnCheckDigit(payload));
    }

    [Fact]
    public void Generate_ManyNumbers_AreTenDigitsNotStartingWithZeroAndPassLuhn()
    {
        for (var i = 0; i < 500; i++)
        {
            var number = CardNumbers.Generate();

            Assert.Equal(10, number.Length);
            Assert.All(number, c => Assert.True(char.IsAsciiDigit(c)));
            Assert.NotEqual('0', number[0]);
            Assert.True(PassesLuhn(number), number);
            Assert.True(CardNumbers.IsWellFormed(number));
        }
    }

    [Fact]
    public void Generate_TwoNumbers_Differ()
    {
        // Random over 9 * 10^8 payloads: a repeat among 100 is astronomically unlikely, a constant would fail.
        var numbers = Enumerable.Range(0, 100).Select(_ => CardNumbers.Generate()).ToHashSet();

        Assert.True(numbers.Count > 95);
    }

    [Theory]
    [InlineData("123", false)]  // 3 characters: too short
    [InlineData("1234", true)]  // 4: shortest
    [InlineData("ABCD", true)]  // letters are fine (library systems use many formats)
    [InlineData("N0012345", true)]
    [InlineData("12-34", false)]
    [InlineData("1234 5678", false)]
    [InlineData("12ø4", false)] // only ASCII letters
    [InlineData("１２３４", false)] // full-width digits
    [InlineData("", false)]
    public void IsWellFormed_Boundaries(string number, bool expected)
    {
        Assert.Equal(expected, CardNumbers.IsWellFormed(number));
    }

    [Fact]
    public void IsWellFormed_32Characters_IsTrueAnd33False()
    {
        Assert.True(CardNumbers.IsWellFormed(new string('7', 32)));
        Assert.False(CardNumbers.IsWellFormed(new string('7', 33)));
    }

    /// <summary>The validating form of the same formula, written here so the test does not trust the code under test.</summary>
    private static bool PassesLuhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var d = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
