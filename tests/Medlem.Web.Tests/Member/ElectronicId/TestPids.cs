using Medlem.Core.Members;

namespace Medlem.Web.Tests.Member.ElectronicId;

/// <summary>
/// Skatteetaten's synthetic (Tenor) national identity numbers, month + 80, so no test holds a
/// number that could belong to a real person; the test application allows them.
/// </summary>
public static class TestPids
{
    /// <summary>A valid synthetic number for the birth date (individual numbers from 100 up, for 1900–1999).</summary>
    public static string For(DateOnly birthDate, int from = 100)
    {
        var date = $"{birthDate.Day:D2}{birthDate.Month + 80:D2}{birthDate.Year % 100:D2}";
        for (var individual = from; individual < 500; individual++)
        {
            if (NationalIdentityNumber.WithClassicCheckDigits(date + individual.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) is { } number)
            {
                return number;
            }
        }

        throw new InvalidOperationException("No synthetic number for " + birthDate);
    }
}
