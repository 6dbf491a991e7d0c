using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// All UI text, in <c>Resources/texts.nb.json</c> (Bokmål, the default) and
/// <c>Resources/texts.en.json</c>. One flat key space for the whole application keeps
/// translation simple; a test checks both files have the same keys. Nynorsk readers get Bokmål
/// until a Nynorsk file exists.
/// </summary>
public sealed class JsonTexts : IStringLocalizer
{
    public const string DefaultLanguage = "nb";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public JsonTexts(string resourceDirectory)
    {
        _byLanguage = Directory.GetFiles(resourceDirectory, "texts.*.json")
            .ToFrozenDictionary(
                file => Path.GetFileNameWithoutExtension(file)["texts.".Length..],
                file => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!.ToFrozenDictionary());
    }

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public IReadOnlyCollection<string> KeysOf(string language) => _byLanguage[language].Keys;

    public LocalizedString this[string name]
    {
        get
        {
            var found = TryGet(CultureInfo.CurrentUICulture, name, out var value);
            return new LocalizedString(name, value ?? name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _byLanguage[LanguageOf(CultureInfo.CurrentUICulture)].Select(kv => new LocalizedString(kv.Key, kv.Value));

    private bool TryGet(CultureInfo culture, string name, out string? value)
    {
        if (_byLanguage.TryGetValue(LanguageOf(culture), out var texts) && texts.TryGetValue(name, out value))
        {
            return true;
        }

        return _byLanguage[DefaultLanguage].TryGetValue(name, out value);
    }

    private string LanguageOf(CultureInfo culture)
    {
        var language = culture.TwoLetterISOLanguageName;
        return _byLanguage.ContainsKey(language) ? language : DefaultLanguage;
    }
}

/// <summary>Hands the one <see cref="JsonTexts"/> to every <c>IStringLocalizer&lt;T&gt;</c>.</summary>
public sealed class JsonTextsFactory(JsonTexts texts) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => texts;

    public IStringLocalizer Create(string baseName, string location) => texts;
}
