using Medlem.Core.Activity;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// The reader's words for an import's codes: kinds, formats, states and reasons
/// (<c>import.reason.&lt;code&gt;</c>, one text for every <see cref="ImportReasons"/> code and the
/// importer's own <c>profile.invalid</c> and <c>import.interrupted</c>).
/// </summary>
public static class ImportTexts
{
    public static string Kind(IStringLocalizer texts, ImportKind kind) => texts["import.kind." + kind.Name()];

    public static string Format(IStringLocalizer texts, ImportFormat format) => texts["import.format." + ImportFormats.Name(format)];

    public static string State(IStringLocalizer texts, ImportRun run) =>
        texts[run.State == ImportState.Failed && FailureCode(run.Failure) == ImportReasons.Interrupted ? "import.state.interrupted" : "import.state." + run.State];

    /// <summary>A reason code in the reader's language; a code without a text is shown as it is, not hidden.</summary>
    public static string Reason(IStringLocalizer texts, string code)
    {
        var text = texts["import.reason." + code];
        return text.ResourceNotFound ? code : text.Value;
    }

    /// <summary>The importer writes a failure as <c>code</c> or <c>code: detail</c> (the missing columns, say).</summary>
    public static string? Failure(IStringLocalizer texts, string? failure)
    {
        if (failure is null)
        {
            return null;
        }

        var parts = failure.Split(": ", 2);
        return parts.Length == 2 ? $"{Reason(texts, parts[0])}: {parts[1]}" : Reason(texts, failure);
    }

    public static string? FailureCode(string? failure) => failure?.Split(": ", 2)[0];
}

/// <summary>Format names as the API and the forms write them: <c>medlem</c>, <c>koha</c>, <c>folio</c>.</summary>
public static class ImportFormats
{
    public static readonly IReadOnlyList<ImportFormat> All = Enum.GetValues<ImportFormat>();

    public static string Name(ImportFormat format) => format.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out ImportFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}
