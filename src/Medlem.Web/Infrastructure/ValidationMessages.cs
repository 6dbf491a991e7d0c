using Medlem.Core;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Infrastructure;

/// <summary>Turns Core's validation codes into text in the reader's language.</summary>
public static class ValidationMessages
{
    public static Dictionary<string, string[]> Localise(ValidationErrors errors, IStringLocalizer texts, bool camelCaseFields) =>
        errors.ByField.ToDictionary(
            e => camelCaseFields ? JsonName(e.Key) : e.Key,
            e => e.Value.Select(code => texts["error." + code].Value).ToArray());

    /// <summary>Adds the errors to a Razor Pages model state, under <paramref name="prefix"/>.</summary>
    public static void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, ValidationErrors errors, IStringLocalizer texts, string prefix)
    {
        foreach (var (field, codes) in errors.ByField)
        {
            foreach (var code in codes)
            {
                modelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", texts["error." + code].Value);
            }
        }
    }

    private static string JsonName(string field) =>
        field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
