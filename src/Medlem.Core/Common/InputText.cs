using System.Globalization;
using System.Text;

namespace Medlem.Core;

/// <summary>
/// Cleans and checks free text from forms, APIs and imports: trims, normalises to Unicode NFC
/// (so "å" typed as a + ring matches "å"), and refuses control characters and over-long values.
/// Any script is welcome; names are letters, marks, spaces, hyphens, apostrophes and full stops.
/// </summary>
public static class InputText
{
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Checks a cleaned value; adds <c>required</c>, <c>too-long</c> or <c>control-characters</c>.</summary>
    public static void Check(ValidationErrors errors, string field, string? cleaned, int maxLength, bool required)
    {
        if (cleaned is null)
        {
            if (required)
            {
                errors.Add(field, "required");
            }

            return;
        }

        if (cleaned.Length > maxLength)
        {
            errors.Add(field, "too-long");
        }

        if (HasControlCharacters(cleaned))
        {
            errors.Add(field, "control-characters");
        }
    }

    /// <summary>Like <see cref="Check"/>, and also refuses characters that do not belong in a person's name.</summary>
    public static void CheckName(ValidationErrors errors, string field, string? cleaned, int maxLength)
    {
        Check(errors, field, cleaned, maxLength, required: true);
        if (cleaned is not null && !HasControlCharacters(cleaned) && !cleaned.All(IsNameCharacter))
        {
            errors.Add(field, "name-characters");
        }
    }

    public static bool HasControlCharacters(string value) =>
        value.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse);

    private static bool IsNameCharacter(char c) =>
        char.IsLetter(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || char.IsSurrogate(c)
        || c is ' ' or '-' or '\'' or '’' or '.';
}
