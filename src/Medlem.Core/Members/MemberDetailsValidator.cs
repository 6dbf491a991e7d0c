namespace Medlem.Core.Members;

/// <summary>
/// Validates a person's details: names in any script but without control characters, a real
/// birth date that agrees with the national identity number, a complete address, a plausible
/// e-mail and mobile number. Returns codes, never half-cleaned data.
/// </summary>
public sealed class MemberDetailsValidator(MemberRules rules, TimeProvider clock)
{
    public ValidMemberDetails? Validate(MemberDetailsInput input, ValidationErrors errors)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var given = InputText.Clean(input.GivenName);
        var family = InputText.Clean(input.FamilyName);
        InputText.CheckName(errors, nameof(input.GivenName), given, MemberInput.MaxNameLength);
        InputText.CheckName(errors, nameof(input.FamilyName), family, MemberInput.MaxNameLength);

        var birthDate = input.BirthDate;
        var nin = InputText.Clean(input.NationalIdentityNumber);
        if (nin is not null)
        {
            var check = NationalIdentityNumber.Check(nin, rules.AllowSyntheticNationalIdentityNumbers);
            if (!check.IsValid)
            {
                errors.Add(nameof(input.NationalIdentityNumber), "nin." + check.Error.ToString()!.ToLowerInvariant());
            }
            else
            {
                nin = new string(nin.Where(char.IsAsciiDigit).ToArray());
                if (birthDate is null)
                {
                    birthDate = check.BirthDate;
                }
                else if (check.BirthDate is { } fromNumber && fromNumber != birthDate)
                {
                    errors.Add(nameof(input.BirthDate), "birthdate.nin-mismatch");
                }
            }
        }

        if (birthDate is null)
        {
            errors.Add(nameof(input.BirthDate), "required");
        }
        else if (birthDate > today)
        {
            errors.Add(nameof(input.BirthDate), "birthdate.future");
        }
        else if (Ages.YearsBetween(birthDate.Value, today) > rules.MaximumAge)
        {
            errors.Add(nameof(input.BirthDate), "birthdate.too-old");
        }

        var address = ValidateAddress(input, errors);

        string? email = null;
        if (InputText.Clean(input.Email) is not null)
        {
            email = ContactValues.NormaliseEmail(input.Email);
            if (email is null)
            {
                errors.Add(nameof(input.Email), "email.invalid");
            }
        }

        var mobile = MemberDetailsValidator.OptionalMobile(input.Mobile, nameof(input.Mobile), errors);

        if (!Enum.IsDefined(input.PreferredLanguage))
        {
            errors.Add(nameof(input.PreferredLanguage), "language.unknown");
        }

        return errors.IsEmpty
            ? new ValidMemberDetails(given!, family!, birthDate!.Value, nin, address, email, mobile, input.PreferredLanguage)
            : null;
    }

    private static PostalAddress? ValidateAddress(MemberDetailsInput input, ValidationErrors errors)
    {
        var street = InputText.Clean(input.Street);
        var postalCode = InputText.Clean(input.PostalCode);
        var city = InputText.Clean(input.City);
        var country = (InputText.Clean(input.Country) ?? "NO").ToUpperInvariant();
        if (street is null && postalCode is null && city is null)
        {
            return null;
        }

        // An address is all or nothing: a letter cannot be sent to half of one.
        InputText.Check(errors, nameof(input.Street), street, 200, required: true);
        InputText.Check(errors, nameof(input.PostalCode), postalCode, 16, required: true);
        InputText.Check(errors, nameof(input.City), city, 100, required: true);
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add(nameof(input.Country), "country.invalid");
        }
        else if (country == "NO" && postalCode is not null && (postalCode.Length != 4 || !postalCode.All(char.IsAsciiDigit)))
        {
            errors.Add(nameof(input.PostalCode), "postalcode.invalid");
        }

        return street is null || postalCode is null || city is null
            ? null
            : new PostalAddress { Street = street, PostalCode = postalCode, City = city, Country = country };
    }

    /// <summary>A mobile number that may be left out: null when empty, normalised (+47…) when valid, an error otherwise.</summary>
    internal static string? OptionalMobile(string? value, string field, ValidationErrors errors)
    {
        if (InputText.Clean(value) is null)
        {
            return null;
        }

        var mobile = ContactValues.NormaliseMobile(value);
        if (mobile is null)
        {
            errors.Add(field, "mobile.invalid");
        }

        return mobile;
    }
}
