using System.Buffers;
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
        if (trimmed.Length == 0)
        {
            return null;
        }

        // Normalize throws on broken UTF-16 (a lone surrogate); such text is left as it is for
        // HasControlCharacters to refuse with a clear error.
        return IsWellFormed(trimmed) ? trimmed.Normalize(NormalizationForm.FormC) : trimmed;
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
        if (cleaned is not null && !HasControlCharacters(cleaned) && !cleaned.EnumerateRunes().All(IsNameCharacter))
        {
            errors.Add(field, "name-characters");
        }
    }

    /// <summary>
    /// True for control, format (invisible), separator and private-use characters, and for broken
    /// UTF-16. Judged per Unicode scalar (Rune), so characters outside the Basic Multilingual
    /// Plane are judged whole, not as two surrogate halves.
    /// </summary>
    public static bool HasControlCharacters(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                return true;
            }

            rest = rest[used..];
        }

        return false;
    }

    private static bool IsWellFormed(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    private static bool IsNameCharacter(Rune r) =>
        Rune.IsLetter(r)
        || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || r.Value is ' ' or '-' or '\'' or '’' or '.';
}
