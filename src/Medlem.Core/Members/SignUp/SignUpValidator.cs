using System.Globalization;

namespace Medlem.Core.Members.SignUp;

/// <summary>
/// A sign-up's fields, cleaned and normalised; a field that failed validation is null (its error
/// is in the <see cref="ValidationErrors"/>). The age rules need only the birth year, so a child
/// is asked for a guardian's address together with the other corrections, not one round later.
/// </summary>
internal sealed record CheckedSignUp(
    string? GivenName,
    string? FamilyName,
    string? Email,
    int? BirthYear,
    string? Mobile,
    PreferredLanguage Language,
    string? Password,
    string? GuardianEmail,
    bool GuardianEmailGiven)
{
    /// <summary>31 December of the birth year: the youngest the person can be (<see cref="Person.BirthYearOnly"/>).</summary>
    public DateOnly? BirthDate => BirthYear is { } year ? new DateOnly(year, 12, 31) : null;
}

/// <summary>
/// Checks the fields of a sign-up on their own (the library and the age rules need the database
/// and are checked by <see cref="SignUpDigitalMember"/>). Codes only, never text.
/// </summary>
internal static class SignUpValidator
{
    public static CheckedSignUp Validate(SignUpInput input, MemberRules rules, DateOnly today, IMemberPasswordHashing passwords, ValidationErrors errors)
    {
        var given = InputText.Clean(input.GivenName);
        var family = InputText.Clean(input.FamilyName);
        InputText.CheckName(errors, nameof(input.GivenName), given, MemberInput.MaxNameLength);
        InputText.CheckName(errors, nameof(input.FamilyName), family, MemberInput.MaxNameLength);

        var email = Email(input.Email, nameof(input.Email), required: true, errors);
        var birthYear = BirthYear(input.BirthYear, rules, today, errors);

        var mobile = MemberDetailsValidator.OptionalMobile(input.Mobile, nameof(input.Mobile), errors);

        if (!Enum.IsDefined(input.PreferredLanguage))
        {
            errors.Add(nameof(input.PreferredLanguage), "language.unknown");
        }

        // Not trimmed: a space may be part of a password.
        var password = input.Password;
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(nameof(input.Password), "required");
            password = null;
        }
        else if (passwords.RuleBrokenBy(password) is { } broken)
        {
            errors.Add(nameof(input.Password), broken);
            password = null;
        }

        // Whether a guardian is needed depends on the age; the address is checked here when given.
        var guardian = Email(input.GuardianEmail, nameof(input.GuardianEmail), required: false, errors);

        return new CheckedSignUp(given, family, email, birthYear, mobile, input.PreferredLanguage, password, guardian,
            InputText.Clean(input.GuardianEmail) is not null);
    }

    private static string? Email(string? value, string field, bool required, ValidationErrors errors)
    {
        if (InputText.Clean(value) is null)
        {
            if (required)
            {
                errors.Add(field, "required");
            }

            return null;
        }

        var email = ContactValues.NormaliseEmail(value);
        if (email is null)
        {
            errors.Add(field, "email.invalid");
        }

        return email;
    }

    /// <summary>Four digits, not in the future and not older than <see cref="MemberRules.MaximumAge"/>.</summary>
    private static int? BirthYear(string? value, MemberRules rules, DateOnly today, ValidationErrors errors)
    {
        var cleaned = InputText.Clean(value);
        if (cleaned is null)
        {
            errors.Add(nameof(SignUpInput.BirthYear), "required");
            return null;
        }

        var year = cleaned.Length == 4 && cleaned.All(char.IsAsciiDigit) ? int.Parse(cleaned, CultureInfo.InvariantCulture) : 0;
        if (year > today.Year || year < today.Year - rules.MaximumAge)
        {
            errors.Add(nameof(SignUpInput.BirthYear), SignUpErrors.BirthYearInvalid);
            return null;
        }

        return year;
    }
}
