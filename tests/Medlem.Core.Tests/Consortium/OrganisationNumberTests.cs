using Medlem.Core.Consortium;
using Xunit;

namespace Medlem.Core.Tests.Consortium;

// Brønnøysundregistrene: an organisation number is nine digits; the ninth is a modulus-11 check digit over the
// first eight with weights 3, 2, 7, 6, 5, 4, 3, 2. Check digit = 11 - (sum mod 11); 11 gives 0; 10 means the
// number is never issued.
//
// Hand computations:
//   974760673 (Brønnøysundregistrene): 9·3 + 7·2 + 4·7 + 7·6 + 6·5 + 0·4 + 6·3 + 7·2
//     = 27 + 14 + 28 + 42 + 30 + 0 + 18 + 14 = 173; 173 mod 11 = 8 (11·15 = 165); 11 - 8 = 3. ✓
//   923609016 (Equinor ASA): 9·3 + 2·2 + 3·7 + 6·6 + 0·5 + 9·4 + 0·3 + 1·2
//     = 27 + 4 + 21 + 36 + 0 + 36 + 0 + 2 = 126; 126 mod 11 = 5 (11·11 = 121); 11 - 5 = 6. ✓
//   889640782 (NAV): 8·3 + 8·2 + 9·7 + 6·6 + 4·5 + 0·4 + 7·3 + 8·2
//     = 24 + 16 + 63 + 36 + 20 + 0 + 21 + 16 = 196; 196 mod 11 = 9 (11·17 = 187); 11 - 9 = 2. ✓
//   964965226 (used for the test library "stavanger"): 27 + 12 + 28 + 54 + 30 + 20 + 6 + 4 = 181; 181 mod 11 = 5; 6. ✓
//   964965137 (used for the test library "sandnes"):   27 + 12 + 28 + 54 + 30 + 20 + 3 + 6 = 180; 180 mod 11 = 4; 7. ✓
//   910000020 (constructed): 9·3 + 1·2 + 2·2 = 27 + 2 + 4 = 33; 33 mod 11 = 0; 11 -> 0. ✓
//   90100000x (constructed): 9·3 + 1·7 = 34; 34 mod 11 = 1; 11 - 1 = 10 -> never issued, whatever x is.
public class OrganisationNumberTests
{
    [Theory]
    [InlineData("974760673")]
    [InlineData("923609016")]
    [InlineData("889640782")]
    [InlineData("964965226")]
    [InlineData("964965137")]
    [InlineData("910000020")] // remainder 0 -> check digit 0
    public void IsValid_CorrectCheckDigit_IsTrue(string value)
    {
        Assert.True(OrganisationNumber.IsValid(value));
    }

    [Theory]
    [InlineData("974760674")] // 974760673 with the check digit one too high
    [InlineData("974760670")]
    [InlineData("923609015")]
    // 974760673 with the first two digits swapped, a typical typing error:
    // 7·3 + 9·2 + 4·7 + 7·6 + 6·5 + 0·4 + 6·3 + 7·2 = 21 + 18 + 28 + 42 + 30 + 0 + 18 + 14 = 171; 171 mod 11 = 6; 5 ≠ 3
    [InlineData("794760673")]
    public void IsValid_WrongCheckDigit_IsFalse(string value)
    {
        Assert.False(OrganisationNumber.IsValid(value));
    }

    [Fact]
    public void IsValid_CheckDigitWouldBeTen_IsFalseForEveryNinthDigit()
    {
        for (var last = 0; last <= 9; last++)
        {
            Assert.False(OrganisationNumber.IsValid("90100000" + (char)('0' + last)));
        }
    }

    [Theory]
    [InlineData("97476067")]    // 8 digits
    [InlineData("9747606733")]  // 10 digits
    [InlineData("97476067A")]   // a letter
    [InlineData("974 760 673")] // spaces are for the caller to remove (ConsortiumCommands does)
    [InlineData("97476067３")]  // full-width digit
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_NotNineAsciiDigits_IsFalse(string? value)
    {
        Assert.False(OrganisationNumber.IsValid(value));
    }
}
