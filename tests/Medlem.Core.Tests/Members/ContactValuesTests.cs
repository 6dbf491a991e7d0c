using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Members;

// ContactValues.cs: e-mail trimmed and lower-cased, exactly one '@' not first, no whitespace, a dot inside the
// domain; mobile to E.164. Norwegian numbering (Nkom, "Nummerplan for telefoni"): national numbers have eight
// digits, mobile numbers are in the 4 and 9 series; landlines start with 2, 3, 5, 6 or 7. Country code +47;
// "00" is the international call prefix used in Norway.
public class ContactValuesTests
{
    [Theory]
    [InlineData("kari@example.no", "kari@example.no")]
    [InlineData("Kari.Nordmann@Example.NO", "kari.nordmann@example.no")]
    [InlineData("  kari@example.no  ", "kari@example.no")]
    [InlineData("kari+bibliotek@post.example.no", "kari+bibliotek@post.example.no")]
    [InlineData("ØYVIND@ÆRFUGL.NO", "øyvind@ærfugl.no")] // invariant lower-casing also beyond ASCII
    public void NormaliseEmail_PlausibleAddress_IsLowerCasedAndTrimmed(string value, string expected)
    {
        Assert.Equal(expected, ContactValues.NormaliseEmail(value));
    }

    [Theory]
    [InlineData("kari.example.no")]         // no @
    [InlineData("kari@nordmann@example.no")] // two @
    [InlineData("@example.no")]             // nothing before @
    [InlineData("kari@localhost")]          // no dot in the domain
    [InlineData("kari@.no")]                // dot first in the domain
    [InlineData("kari@example.")]           // dot last in the domain
    [InlineData("kari nordmann@example.no")] // space inside
    [InlineData("kari@exam ple.no")]
    [InlineData("kari@example.no\u0000")]   // control character (NUL is not trimmed)
    [InlineData("")]
    [InlineData(null)]
    public void NormaliseEmail_ImplausibleAddress_IsNull(string? value)
    {
        Assert.Null(ContactValues.NormaliseEmail(value));
    }

    [Fact]
    public void NormaliseEmail_LongerThan254_IsNull()
    {
        // 254: the longest path a mailbox can have in SMTP (RFC 5321 §4.5.3.1.3, 256 octets less the angle brackets).
        var domain = "@example.no"; // 11 characters
        Assert.NotNull(ContactValues.NormaliseEmail(new string('a', 254 - domain.Length) + domain));
        Assert.Null(ContactValues.NormaliseEmail(new string('a', 255 - domain.Length) + domain));
    }

    [Theory]
    [InlineData("41234567", "+4741234567")]
    [InlineData("412 34 567", "+4741234567")]
    [InlineData("91 23 45 67", "+4791234567")]
    [InlineData("912-34-567", "+4791234567")]
    [InlineData("+47 412 34 567", "+4741234567")]
    [InlineData("(+47) 41234567", "+4741234567")]
    [InlineData("0047 91234567", "+4791234567")]     // 00 international prefix -> +
    [InlineData("+46701234567", "+46701234567")]     // Swedish mobile: other countries are not checked further
    [InlineData("0046 70 123 45 67", "+46701234567")]
    public void NormaliseMobile_ValidNumber_IsE164(string value, string expected)
    {
        Assert.Equal(expected, ContactValues.NormaliseMobile(value));
    }

    [Theory]
    [InlineData("31234567")]       // Norwegian landline (3 series), not mobile
    [InlineData("22123456")]       // Oslo landline (2 series)
    [InlineData("80012345")]       // freephone (8 series)
    [InlineData("+4731234567")]    // landline with country code
    [InlineData("+47412345678")]   // nine digits after +47
    [InlineData("4123456")]        // seven digits
    [InlineData("4123456a")]       // a letter
    [InlineData("tlf 41234567")]
    [InlineData("46701234567")]    // a foreign number without + or 00
    [InlineData("+4")]
    [InlineData("+1234567890123456")] // 16 digits: E.164 allows at most 15
    [InlineData("")]
    [InlineData(null)]
    public void NormaliseMobile_InvalidNumber_IsNull(string? value)
    {
        Assert.Null(ContactValues.NormaliseMobile(value));
    }
}
