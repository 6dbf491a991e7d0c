using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Medlem.Web.Features.Shared;

/// <summary>One labelled input with its errors, so every form field is accessible the same way.</summary>
public sealed record FieldModel(string Name, string Label, string? Value, IReadOnlyList<string> Errors, string Type = "text", string Autocomplete = "off")
{
    public string Id => Name.Replace('.', '_');

    public static FieldModel For(ModelStateDictionary state, string name, string label, string? value, string type = "text", string autocomplete = "off") =>
        new(name, label, value, state.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [], type, autocomplete);
}
