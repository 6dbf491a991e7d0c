using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Medlem.Core.Privacy.DataMap;

/// <summary>A stored property that holds personal data: where it is and what category it is.</summary>
public sealed record DataMapField(string Entity, string Property, string Category);

/// <summary>A data category with the fields that hold it and the activities that process it (none when the registry lacks it).</summary>
public sealed record DataMapCategory(string Category, IReadOnlyList<DataMapField> Fields, IReadOnlyList<ProcessingActivity> Activities);

/// <summary>
/// The data map, read from the code: every property of every entity the register stores, with
/// the category its [PersonalData] attribute gives, joined to the registry's purposes. What the
/// map says is therefore what the database holds.
/// </summary>
public static class DataMapBuilder
{
    public static IReadOnlyList<DataMapCategory> Build(IModel model)
    {
        var fields =
            from entity in model.GetEntityTypes()
            from property in entity.GetProperties()
            where property.PropertyInfo is not null
            let mark = property.PropertyInfo!.GetCustomAttribute<PersonalDataAttribute>()
            where mark is not null
            select new DataMapField(entity.ClrType.Name, property.Name, mark.Category);
        return [.. fields
            .GroupBy(f => f.Category)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DataMapCategory(g.Key, [.. g.OrderBy(f => f.Entity, StringComparer.Ordinal).ThenBy(f => f.Property, StringComparer.Ordinal)],
                DataMapRegistry.Categories.GetValueOrDefault(g.Key) ?? []))];
    }

    /// <summary>The activities of the map with the categories each processes, in the registry's order.</summary>
    public static IReadOnlyList<(ProcessingActivity Activity, IReadOnlyList<DataMapCategory> Categories)> ByActivity(IReadOnlyList<DataMapCategory> map) =>
        [.. DataMapRegistry.Activities.Select(a => (a, (IReadOnlyList<DataMapCategory>)[.. map.Where(c => c.Activities.Contains(a))]))];
}
