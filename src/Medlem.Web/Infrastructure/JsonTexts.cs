using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// All UI text, in <c>Resources/*.nb.json</c> (Bokmål, the default) and
/// <c>Resources/*.en.json</c> (<c>texts.nb.json</c> and one file per larger feature, such as
/// <c>member.nb.json</c> for the members' pages). One flat key space for the whole application keeps
/// translation simple; a test checks both files have the same keys. Nynorsk readers get Bokmål
/// until a Nynorsk file exists.
/// </summary>
public sealed class JsonTexts : IStringLocalizer
{
    public const string DefaultLanguage = "nb";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public JsonTexts(string resourceDirectory)
    {
        // texts.nb.json, member.nb.json, …: a feature may keep its texts in a file of its own;
        // the files of one language make one key space, and a key defined twice stops the start.
        _byLanguage = Directory.GetFiles(resourceDirectory, "*.json")
            .GroupBy(LanguageOfFile)
            .ToFrozenDictionary(files => files.Key, files => Merge(files.Order(StringComparer.Ordinal)));
    }

    private static string LanguageOfFile(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static FrozenDictionary<string, string> Merge(IEnumerable<string> files)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!)
            {
                if (!merged.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"The text '{key}' is defined twice ({Path.GetFileName(file)}).");
                }
            }
        }

        return merged.ToFrozenDictionary(StringComparer.Ordinal);
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
