using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members;

// MemberDetailsValidator.cs (XML doc): names in any script without control characters, a real birth date that
// agrees with the national identity number, a complete address, a plausible e-mail and mobile. "Today" is the
// clock's local date: the tests fix it at 2026-11-28 (TestClock, local zone UTC).
// National identity numbers are hand-checked in NationalIdentityNumberTests.cs / docs/national-identity-number.md.
public class MemberDetailsValidatorTests
{
    /// <summary>[Tenor] synthetic fødselsnummer, 17 November 2020 (month 11 + 80 = 91).</summary>
    private const string SyntheticNin = "17912099997";

    /// <summary>Hand computation A in NationalIdentityNumberTests: 1 January 1990.</summary>
    private const string Nin1990 = "01019012480";

    private static readonly MemberDetailsInput Valid = new()
    {
        GivenName = "Kari",
        FamilyName = "Nordmann",
        BirthDate = new DateOnly(1990, 1, 1),
    };

    private static ValidMemberDetails? Validate(MemberDetailsInput input, ValidationErrors errors, bool allowSynthetic = false) =>
        new MemberDetailsValidator(new MemberRules { AllowSyntheticNationalIdentityNumbers = allowSynthetic }, TestClock.Create())
            .Validate(input, errors);

    [Fact]
    public void Validate_NamesAndBirthDate_IsValid()
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { GivenName = "  Ærlig Øyvind ", FamilyName = "A\u030Asen" }, errors);

        ErrorAssert.None(errors);
        Assert.NotNull(details);
        Assert.Equal("Ærlig Øyvind", details.GivenName);
        Assert.Equal("Åsen", details.FamilyName); // NFC
        Assert.Null(details.Address);
        Assert.Null(details.NationalIdentityNumber);
    }

    [Fact]
    public void Validate_MissingNames_AreRequired()
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { GivenName = null, FamilyName = "  " }, errors);

        Assert.Null(details);
        ErrorAssert.Exactly(errors, "GivenName", "required");
        ErrorAssert.Exactly(errors, "FamilyName", "required");
    }

    [Fact]
    public void Validate_DigitInName_IsNameCharacters()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { GivenName = "Kari2" }, errors);

        ErrorAssert.Exactly(errors, "GivenName", "name-characters");
    }

    [Fact]
    public void Validate_NoBirthDateAndNoNumber_BirthDateIsRequired()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { BirthDate = null }, errors);

        ErrorAssert.Exactly(errors, "BirthDate", "required");
    }

    [Fact]
    public void Validate_BirthDateTomorrow_IsFuture()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { BirthDate = new DateOnly(2026, 11, 29) }, errors);

        ErrorAssert.Exactly(errors, "BirthDate", "birthdate.future");
    }

    [Fact]
    public void Validate_BirthDateToday_IsAccepted()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { BirthDate = TestClock.Today }, errors);

        ErrorAssert.None(errors);
    }

    [Fact]
    public void Validate_BirthDateTodayInOsloButTomorrowInUtc_IsNotFuture()
    {
        // 2026-11-28T23:30Z is 2026-11-29 00:30 in Oslo (CET, UTC+1 in November): "today" is the local day.
        var clock = TestClock.Create(new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        var errors = new ValidationErrors();
        new MemberDetailsValidator(new MemberRules(), clock).Validate(Valid with { BirthDate = new DateOnly(2026, 11, 29) }, errors);

        ErrorAssert.None(errors);
    }

    [Fact]
    public void Validate_AgeAtMaximum_IsAccepted()
    {
        // MaximumAge 125 ("an older birth date is a typing error"): born 1900-11-29 is 125 on 2026-11-28.
        var errors = new ValidationErrors();
        Validate(Valid with { BirthDate = new DateOnly(1900, 11, 29) }, errors);

        ErrorAssert.None(errors);
    }

    [Fact]
    public void Validate_OlderThanMaximumAge_IsTooOld()
    {
        // Born 1900-11-28 is 126 on 2026-11-28.
        var errors = new ValidationErrors();
        Validate(Valid with { BirthDate = new DateOnly(1900, 11, 28) }, errors);

        ErrorAssert.Exactly(errors, "BirthDate", "birthdate.too-old");
    }

    [Fact]
    public void Validate_SyntheticNumberWhenNotAllowed_IsRefused()
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { BirthDate = null, NationalIdentityNumber = SyntheticNin }, errors, allowSynthetic: false);

        Assert.Null(details);
        // "nin." + the NationalIdentityNumberError name in lower case.
        ErrorAssert.Exactly(errors, "NationalIdentityNumber", "nin.syntheticnotallowed");
    }

    [Fact]
    public void Validate_SyntheticNumberWhenAllowed_IsAcceptedWithItsBirthDate()
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { BirthDate = null, NationalIdentityNumber = SyntheticNin }, errors, allowSynthetic: true);

        ErrorAssert.None(errors);
        Assert.Equal(SyntheticNin, details!.NationalIdentityNumber);
        Assert.Equal(new DateOnly(2020, 11, 17), details.BirthDate);
    }

    [Fact]
    public void Validate_BirthDateOmitted_IsTakenFromTheNumber()
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { BirthDate = null, NationalIdentityNumber = " 010190 12480 " }, errors);

        ErrorAssert.None(errors);
        Assert.Equal(new DateOnly(1990, 1, 1), details!.BirthDate);
        Assert.Equal(Nin1990, details.NationalIdentityNumber); // whitespace removed
    }

    [Fact]
    public void Validate_BirthDateAgreeingWithTheNumber_IsValid()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { BirthDate = new DateOnly(1990, 1, 1), NationalIdentityNumber = Nin1990 }, errors);

        ErrorAssert.None(errors);
    }

    [Fact]
    public void Validate_BirthDateDisagreeingWithTheNumber_IsMismatch()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { BirthDate = new DateOnly(1990, 1, 2), NationalIdentityNumber = Nin1990 }, errors);

        ErrorAssert.Exactly(errors, "BirthDate", "birthdate.nin-mismatch");
    }

    [Fact]
    public void Validate_DNumber_BirthDateIsTheDayMinus40()
    {
        // Hand computation B: D-nummer 41019012474, day 41 - 40 = 1 January 1990.
        var errors = new ValidationErrors();
        var details = Validate(Valid with { BirthDate = null, NationalIdentityNumber = "41019012474" }, errors);

        ErrorAssert.None(errors);
        Assert.Equal(new DateOnly(1990, 1, 1), details!.BirthDate);
    }

    [Fact]
    public void Validate_WrongCheckDigits_IsInvalidCheckDigits()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { NationalIdentityNumber = "01019012481" }, errors);

        ErrorAssert.Exactly(errors, "NationalIdentityNumber", "nin.invalidcheckdigits");
    }

    [Fact]
    public void Validate_NorwegianAddress_IsAcceptedWithCountryNo()
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { Street = "Sølvberggata 2", PostalCode = "4006", City = "Stavanger" }, errors);

        ErrorAssert.None(errors);
        Assert.Equal("NO", details!.Address!.Country); // no country means Norway
        Assert.Equal("4006", details.Address.PostalCode);
    }

    [Fact]
    public void Validate_StreetOnly_PostalCodeAndCityAreRequired()
    {
        // "An address is all or nothing."
        var errors = new ValidationErrors();
        var details = Validate(Valid with { Street = "Sølvberggata 2" }, errors);

        Assert.Null(details);
        ErrorAssert.Exactly(errors, "PostalCode", "required");
        ErrorAssert.Exactly(errors, "City", "required");
        ErrorAssert.NoneFor(errors, "Street");
    }

    [Fact]
    public void Validate_CityOnly_StreetAndPostalCodeAreRequired()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { City = "Stavanger" }, errors);

        ErrorAssert.Exactly(errors, "Street", "required");
        ErrorAssert.Exactly(errors, "PostalCode", "required");
    }

    [Theory]
    [InlineData("400")]   // three digits
    [InlineData("40066")] // five digits
    [InlineData("40O6")]  // letter O for zero
    [InlineData("SE-4006")]
    public void Validate_NorwegianPostalCodeNotFourDigits_IsInvalid(string postalCode)
    {
        // Norwegian postal codes (postnummer) are four digits (Posten/Bring).
        var errors = new ValidationErrors();
        Validate(Valid with { Street = "Sølvberggata 2", PostalCode = postalCode, City = "Stavanger", Country = "NO" }, errors);

        ErrorAssert.Exactly(errors, "PostalCode", "postalcode.invalid");
    }

    [Theory]
    [InlineData("se", "111 22", "Stockholm", "SE")] // Swedish: five digits with a space; country upper-cased
    [InlineData("GB", "SW1A 1AA", "London", "GB")]  // British: letters and digits
    [InlineData("DK", "1000", "København", "DK")]
    public void Validate_ForeignCountry_AllowsOtherPostalCodes(string country, string postalCode, string city, string expectedCountry)
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { Street = "Storgatan 1", PostalCode = postalCode, City = city, Country = country }, errors);

        ErrorAssert.None(errors);
        Assert.Equal(expectedCountry, details!.Address!.Country);
        Assert.Equal(postalCode, details.Address.PostalCode);
    }

    [Theory]
    [InlineData("NOR")] // alpha-3, not ISO 3166-1 alpha-2
    [InlineData("N")]
    [InlineData("N0")]
    public void Validate_CountryNotTwoLetters_IsInvalid(string country)
    {
        var errors = new ValidationErrors();
        Validate(Valid with { Street = "Storgata 1", PostalCode = "0155", City = "Oslo", Country = country }, errors);

        ErrorAssert.Exactly(errors, "Country", "country.invalid");
    }

    [Fact]
    public void Validate_EmailAndMobile_AreNormalised()
    {
        var errors = new ValidationErrors();
        var details = Validate(Valid with { Email = " Kari@Example.NO ", Mobile = "412 34 567" }, errors);

        ErrorAssert.None(errors);
        Assert.Equal("kari@example.no", details!.Email);
        Assert.Equal("+4741234567", details.Mobile);
    }

    [Fact]
    public void Validate_ImplausibleEmailAndLandline_AreInvalid()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { Email = "kari.example.no", Mobile = "31234567" }, errors);

        ErrorAssert.Exactly(errors, "Email", "email.invalid");
        ErrorAssert.Exactly(errors, "Mobile", "mobile.invalid");
    }

    [Fact]
    public void Validate_UnknownLanguage_IsRefused()
    {
        var errors = new ValidationErrors();
        Validate(Valid with { PreferredLanguage = (PreferredLanguage)7 }, errors);

        ErrorAssert.Exactly(errors, "PreferredLanguage", "language.unknown");
    }
}
