using System.Text.Json;
using System.Text.Json.Serialization;
using Medlem.Core.Activity.Reading;

namespace Medlem.Core.Activity;

/// <summary>
/// How a source's file maps onto Medlem's fields, so a library can adapt to its own export
/// without code: which column (or JSON path) holds each field, how its branch codes and
/// circulation types translate. Built-in profiles exist for every kind and format
/// (<see cref="Mapping.DefaultProfiles"/>); a profile file given with <c>--profile</c> overrides the
/// entries it names and keeps the rest.
/// </summary>
public sealed record MappingProfile
{
    /// <summary>Medlem field → column name or JSON path.</summary>
    public Dictionary<string, string> Columns { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Source branch code → Medlem branch code; codes not named here are matched as they are.</summary>
    public Dictionary<string, string> Branches { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Source value → Medlem value, for circulation types, audiences, login methods and formats.</summary>
    public Dictionary<string, string> Values { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the file's times are local (Koha writes local time without an offset).</summary>
    public string TimeZone { get; init; } = "Europe/Oslo";

    public string ColumnFor(string field) => Columns.GetValueOrDefault(field, field);

    /// <summary>This profile with <paramref name="overrides"/>' entries laid over it.</summary>
    public MappingProfile With(MappingProfile? overrides)
    {
        if (overrides is null)
        {
            return this;
        }

        return new MappingProfile
        {
            Columns = Merge(Columns, overrides.Columns),
            Branches = Merge(Branches, overrides.Branches),
            Values = Merge(Values, overrides.Values),
            TimeZone = overrides.TimeZone,
        };
    }

    public static MappingProfile Parse(string json)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<MappingProfile>(json, Json) ?? new MappingProfile();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(parsed.TimeZone, out _))
            {
                throw new ImportFileException(ImportReasons.ProfileTimeZone, parsed.TimeZone);
            }

            return new MappingProfile().With(parsed);
        }
        catch (JsonException ex)
        {
            throw new ImportFileException(ImportReasons.ProfileInvalid, ex.Message);
        }
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> a, Dictionary<string, string> b)
    {
        var merged = new Dictionary<string, string>(a, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in b)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
