using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Common;

/// <summary>Characters outside the Basic Multilingual Plane are two UTF-16 units; the rules must judge the character, not its halves.</summary>
public class InputTextSupplementaryPlaneTests
{
    private static ValidationErrors CheckName(string value)
    {
        var errors = new ValidationErrors();
        InputText.CheckName(errors, "GivenName", InputText.Clean(value), 100);
        return errors;
    }

    [Theory]
    [InlineData("Anna\U0001F600")] // U+1F600 GRINNING FACE, So: a symbol, not a letter
    [InlineData("Anna\U0001D7CE")] // U+1D7CE MATHEMATICAL BOLD DIGIT ZERO, Nd: a digit
    public void CheckName_SymbolOrDigitOutsideTheBmp_IsNameCharacters(string name)
    {
        ErrorAssert.Exactly(CheckName(name), "GivenName", "name-characters");
    }

    [Theory]
    [InlineData("Anna\U000E0041")] // U+E0041 TAG LATIN CAPITAL LETTER A, Cf (invisible)
    [InlineData("Anna\U000F0000")] // U+F0000, plane 15 private use, Co
    public void CheckName_FormatOrPrivateUseOutsideTheBmp_IsControlCharacters(string name)
    {
        ErrorAssert.Exactly(CheckName(name), "GivenName", "control-characters");
    }

    [Fact]
    public void CheckName_LetterOutsideTheBmp_IsStillAccepted()
    {
        ErrorAssert.None(CheckName("\U00020BB7田")); // U+20BB7, Lo
    }

    [Fact]
    public void Clean_LoneSurrogate_DoesNotThrow_AndIsRefused()
    {
        var errors = new ValidationErrors();
        var cleaned = InputText.Clean("Anna\uD800");
        InputText.CheckName(errors, "GivenName", cleaned, 100);
        Assert.False(errors.IsEmpty);
    }
}
