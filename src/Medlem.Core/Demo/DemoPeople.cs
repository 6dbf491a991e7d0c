using System.Globalization;
using System.Text;
using Medlem.Core.Members;

namespace Medlem.Core.Demo;

/// <summary>
/// Makes synthetic people: names by birth cohort and origin, an address in the city, e-mail at
/// reserved example domains only, sometimes a mobile number, and a synthetic national identity
/// number when asked. Keeps e-mails and identity numbers unique across the whole consortium.
/// </summary>
internal sealed class DemoPeople(Random random)
{
    /// <summary>Share of people of other origin than Norwegian, roughly a Norwegian city's.</summary>
    public const double OtherOriginShare = 0.17;

    private readonly HashSet<string> _identityNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _emailCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mobiles = new(StringComparer.Ordinal);

    public List<PersonDraft> All { get; } = [];

    /// <summary>What to give a new person; null fields are drawn.</summary>
    public sealed record Request(
        DateOnly BirthDate,
        string CityCode,
        DateTimeOffset CreatedAt,
        bool WithIdentityNumber,
        bool EmailVerified,
        double EmailChance,
        double MobileChance,
        bool? Female = null,
        bool? OtherOrigin = null,
        string? FamilyName = null,
        DemoStreet? Street = null,
        DemoAddress? Address = null,
        bool WithoutAddress = false);

    public PersonDraft Create(Request request)
    {
        var female = request.Female ?? random.Chance(0.5);
        var other = request.OtherOrigin ?? random.Chance(OtherOriginShare);
        var given = other
            ? random.Pick(female ? DemoNames.OtherWomen : DemoNames.OtherMen)
            : random.PickCommon(DemoNames.GivenNames(female, request.BirthDate.Year));
        var family = DemoNames.FamilyNameFor(
            request.FamilyName ?? (other ? random.Pick(DemoNames.OtherFamilyNames) : random.PickCommon(DemoNames.NorwegianFamilyNames)), female);
        var street = request.WithoutAddress ? null : request.Street ?? random.Pick(DemoStreets.For(request.CityCode));
        var address = request.WithoutAddress ? null : request.Address ?? MakeAddress(street!);
        var person = new PersonDraft
        {
            Id = random.NextGuid(),
            GivenName = given,
            FamilyName = family,
            BirthDate = request.BirthDate,
            Female = female,
            OtherOrigin = other,
            CityCode = request.CityCode,
            Street = street,
            Address = address,
            NationalIdentityNumber = request.WithIdentityNumber
                ? SyntheticIdentityNumbers.Create(request.BirthDate, random, _identityNumbers)
                : null,
            Language = PickLanguage(other, request.CityCode),
            CreatedAt = request.CreatedAt,
        };

        if (random.Chance(request.EmailChance))
        {
            var verifiedAt = request.EmailVerified ? request.CreatedAt : (DateTimeOffset?)null;
            person.ContactPoints.Add(new DemoContactPoint(ContactKind.Email, NewEmail(given, family), request.EmailVerified, verifiedAt));
        }

        if (random.Chance(request.MobileChance))
        {
            var verified = random.Chance(0.5);
            person.ContactPoints.Add(new DemoContactPoint(ContactKind.Mobile, NewMobile(), verified, verified ? request.CreatedAt : null));
        }

        All.Add(person);
        return person;
    }

    private DemoAddress MakeAddress(DemoStreet street)
    {
        var number = random.Between(1, 140).ToString(CultureInfo.InvariantCulture);
        if (random.Chance(0.15))
        {
            number += (char)('A' + random.Next(4));
        }

        return new DemoAddress($"{street.Name} {number}", street.PostalCode, street.City);
    }

    private PreferredLanguage PickLanguage(bool otherOrigin, string cityCode)
    {
        var u = random.NextDouble();
        if (otherOrigin)
        {
            return u < 0.40 ? PreferredLanguage.En : PreferredLanguage.Nb;
        }

        // Nynorsk is more common in Bergen than in the other three cities.
        var nynorsk = cityCode == "bergen" ? 0.10 : 0.04;
        return u < nynorsk ? PreferredLanguage.Nn : u < nynorsk + 0.02 ? PreferredLanguage.En : PreferredLanguage.Nb;
    }

    private string NewEmail(string given, string family)
    {
        // A counter per name keeps addresses unique without probing: kari.hansen, kari.hansen2, …
        var local = $"{Ascii(given)}.{Ascii(family)}";
        var domain = random.Pick(DemoConsortium.EmailDomains);
        var key = $"{local}@{domain}";
        var n = _emailCounts.GetValueOrDefault(key) + 1;
        _emailCounts[key] = n;
        return n == 1 ? key : string.Create(CultureInfo.InvariantCulture, $"{local}{n}@{domain}");
    }

    /// <summary>
    /// A Norwegian-format mobile number. Norway reserves no fictional mobile range (Sweden does),
    /// so these may exist: the demo never sends SMS, and nothing else may be built to do so.
    /// </summary>
    private string NewMobile()
    {
        string candidate;
        do
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"+47{(random.Chance(0.5) ? 4 : 9)}{random.Next(10_000_000):0000000}");
        }
        while (!_mobiles.Add(candidate));

        return candidate;
    }

    /// <summary>Lower-case ASCII for an e-mail local part: æ→ae, ø→o, å→a, other marks dropped.</summary>
    internal static string Ascii(string name)
    {
        var lower = name.ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "o", StringComparison.Ordinal)
            .Replace("ł", "l", StringComparison.Ordinal)
            .Replace("ı", "i", StringComparison.Ordinal)
            .Replace("đ", "d", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
