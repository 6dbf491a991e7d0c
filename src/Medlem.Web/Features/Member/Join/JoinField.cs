using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Medlem.Web.Features.Member.Join;

/// <summary>
/// One labelled input of the members' forms, with a hint and its errors tied to it
/// (<c>aria-describedby</c>), the right <c>autocomplete</c> token and the phone keyboard it needs
/// (<c>inputmode</c>). Password fields never echo a value back.
/// </summary>
public sealed record JoinField(
    string Name,
    string Label,
    string? Value,
    string Autocomplete,
    IReadOnlyList<string> Errors,
    string Type = "text",
    string? InputMode = null,
    string? Hint = null,
    bool Required = true,
    int? MaxLength = null)
{
    public string HintId => Name + "-hint";

    public string ErrorId => Name + "-error";

    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : HintId, Errors.Count > 0 ? ErrorId : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    public static JoinField For(
        ModelStateDictionary state, string name, string label, string? value, string autocomplete,
        string type = "text", string? inputMode = null, string? hint = null, bool required = true, int? maxLength = null) =>
        new(name, label, type == "password" ? null : value, autocomplete,
            state.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [],
            type, inputMode, hint, required, maxLength);
}
