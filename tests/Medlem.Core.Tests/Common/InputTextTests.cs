using Xunit;
using Medlem.Core.Tests.TestSupport;

namespace Medlem.Core.Tests.Common;

// InputText.cs: trims, normalises to NFC, refuses control characters (Unicode categories Cc, Cf, Zl, Zp, Co) and
// over-long values; names are "letters, marks, spaces, hyphens, apostrophes and full stops" in any script.
// Categories are from the Unicode Character Database (UnicodeData.txt).
public class InputTextTests
{
    private const string Field = "GivenName";

    private static ValidationErrors CheckName(string? value, int maxLength = 100)
    {
        var errors = new ValidationErrors();
        InputText.CheckName(errors, Field, InputText.Clean(value), maxLength);
        return errors;
    }

    [Fact]
    public void Clean_SurroundingWhitespace_IsTrimmed()
    {
        Assert.Equal("Kari", InputText.Clean(" \t Kari \r\n"));
    }

    [Fact]
    public void Clean_DecomposedCharacters_AreComposedToNfc()
    {
        // "a" + U+030A COMBINING RING ABOVE composes to U+00E5 "å" (Unicode canonical composition).
        var cleaned = InputText.Clean("A\u030Asen");

        Assert.Equal("\u00C5sen", cleaned);
        Assert.Equal("åsen", InputText.Clean("a\u030Asen"));
        Assert.Equal(4, cleaned!.Length);
    }

    [Fact]
    public void Clean_VietnameseDecomposed_IsComposed()
    {
        // "Nguyễn" typed as e + U+0302 COMBINING CIRCUMFLEX + U+0303 COMBINING TILDE composes to U+1EC5 "ễ".
        Assert.Equal("Nguy\u1EC5n", InputText.Clean("Nguye\u0302\u0303n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Clean_NothingLeft_IsNull(string? value)
    {
        Assert.Null(InputText.Clean(value));
    }

    [Theory]
    [InlineData("Kari")]
    [InlineData("Ærlig Øyvind")]
    [InlineData("Nguyễn")]       // Vietnamese, precomposed
    [InlineData("Мария")]        // Cyrillic
    [InlineData("محمد")]         // Arabic
    [InlineData("李")]           // CJK ideograph (category Lo)
    [InlineData("𠮷田")]          // U+20BB7, a CJK letter outside the BMP (surrogate pair in UTF-16)
    [InlineData("Anne-Lise")]
    [InlineData("O'Brien")]
    [InlineData("O’Brien")]      // typographic apostrophe U+2019
    [InlineData("Jr.")]
    [InlineData("Ánde Ŋuolja")] // Northern Sami letters Á and Ŋ
    public void CheckName_LettersOfAnyScript_AreAccepted(string name)
    {
        ErrorAssert.None(CheckName(name));
    }

    [Theory]
    [InlineData("Anna2")]
    [InlineData("4nna")]
    [InlineData("Anna٣")]       // U+0663 ARABIC-INDIC DIGIT THREE (Nd): a digit in another script
    [InlineData("Anna!")]
    [InlineData("Anna@home")]
    public void CheckName_DigitsOrSymbols_AreRefused(string name)
    {
        ErrorAssert.Exactly(CheckName(name), Field, "name-characters");
    }

    [Theory]
    [InlineData("An\u0000na")] // NUL, Cc
    [InlineData("An\u0007na")] // BEL, Cc
    [InlineData("An\u200Bna")] // ZERO WIDTH SPACE, Cf (Format): invisible, so refused as a control character
    [InlineData("An\u202Ena")] // RIGHT-TO-LEFT OVERRIDE, Cf: could make a name display as something else
    [InlineData("An\u2028na")] // LINE SEPARATOR, Zl
    [InlineData("An\uE000na")] // private use, Co
    [InlineData("An\nna")]     // newline inside, Cc
    public void CheckName_ControlCharacters_AreRefusedOnce(string name)
    {
        // CheckName reports control-characters and not also name-characters for the same character.
        ErrorAssert.Exactly(CheckName(name), Field, "control-characters");
    }

    [Fact]
    public void HasControlCharacters_ZeroWidthSpace_IsFormatCategory()
    {
        Assert.Equal(System.Globalization.UnicodeCategory.Format, char.GetUnicodeCategory('\u200B'));
        Assert.True(InputText.HasControlCharacters("\u200B"));
    }

    [Fact]
    public void CheckName_Missing_IsRequired()
    {
        ErrorAssert.Exactly(CheckName("  "), Field, "required");
    }

    [Fact]
    public void CheckName_AtMaxLength_IsAccepted()
    {
        ErrorAssert.None(CheckName(new string('a', 100)));
    }

    [Fact]
    public void CheckName_OverMaxLength_IsTooLong()
    {
        ErrorAssert.Exactly(CheckName(new string('a', 101)), Field, "too-long");
    }

    [Fact]
    public void CheckName_LengthIsCountedAfterTrimming()
    {
        ErrorAssert.None(CheckName("  " + new string('a', 100) + "  "));
    }

    [Fact]
    public void Check_OptionalAndMissing_HasNoError()
    {
        var errors = new ValidationErrors();
        InputText.Check(errors, "Street", null, 200, required: false);

        ErrorAssert.None(errors);
    }

    [Fact]
    public void Check_FreeTextWithDigits_IsAccepted()
    {
        // Check (not CheckName) is for free text such as a street address: digits are fine.
        var errors = new ValidationErrors();
        InputText.Check(errors, "Street", InputText.Clean("Kongsgård allé 20"), 200, required: true);

        ErrorAssert.None(errors);
    }
}
