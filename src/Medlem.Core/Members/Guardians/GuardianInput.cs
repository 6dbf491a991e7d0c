namespace Medlem.Core.Members.Guardians;

/// <summary>What a guardian approving by e-mail tells about themselves; names only when approving with electronic ID.</summary>
public sealed record GuardianInput(string? GivenName, string? FamilyName, int? BirthYear, bool HasParentalResponsibility);

/// <summary>
/// Checks what a guardian types on the approval page: real names, a birth year that makes them
/// old enough to be a guardian (judged as if born on 31 December: the youngest they can be,
/// as <see cref="Person.BirthYearOnly"/> does everywhere), and the confirmation that they have
/// parental responsibility (foreldreansvar), which the library cannot check by e-mail.
/// </summary>
public static class GuardianInputRules
{
    /// <summary>Cleaned names, or errors under GivenName/FamilyName/HasParentalResponsibility.</summary>
    public static (string Given, string Family)? CheckNames(GuardianInput input, ValidationErrors errors)
    {
        var given = InputText.Clean(input.GivenName);
        var family = InputText.Clean(input.FamilyName);
        InputText.CheckName(errors, nameof(input.GivenName), given, MemberInput.MaxNameLength);
        InputText.CheckName(errors, nameof(input.FamilyName), family, MemberInput.MaxNameLength);
        if (!input.HasParentalResponsibility)
        {
            errors.Add(nameof(input.HasParentalResponsibility), "guardian.responsibility-required");
        }

        return errors.IsEmpty ? (given!, family!) : null;
    }

    /// <summary>Checks names and birth year; returns the birth date to store (31 December of the year).</summary>
    public static (string Given, string Family, DateOnly BirthDate)? CheckAll(GuardianInput input, MemberRules rules, DateOnly today, ValidationErrors errors)
    {
        var names = CheckNames(input, errors);
        DateOnly? birthDate = null;
        if (input.BirthYear is not { } year)
        {
            errors.Add(nameof(input.BirthYear), "required");
        }
        else if (year > today.Year)
        {
            errors.Add(nameof(input.BirthYear), "birthdate.future");
        }
        else if (year < today.Year - rules.MaximumAge)
        {
            errors.Add(nameof(input.BirthYear), "birthdate.too-old");
        }
        else
        {
            birthDate = new DateOnly(year, 12, 31);
            if (Ages.YearsBetween(birthDate.Value, today) < rules.GuardianMinimumAge)
            {
                errors.Add(nameof(input.BirthYear), "guardian.too-young");
            }
        }

        return names is { } n && birthDate is { } born && errors.IsEmpty ? (n.Given, n.Family, born) : null;
    }
}
