using Medlem.Core.Members;
using Xunit;

namespace Medlem.Core.Tests.Members;

/// <summary>ITU-T E.164: no country code begins with 0.</summary>
public class ContactValuesCountryCodeTests
{
    [Theory]
    [InlineData("+0123456789")]
    [InlineData("0000123456")]       // "00" -> "+", leaving "+00123456"
    [InlineData("000 47 41234567")]
    public void NormaliseMobile_CountryCodeStartingWithZero_IsNull(string value)
    {
        Assert.Null(ContactValues.NormaliseMobile(value));
    }
}
