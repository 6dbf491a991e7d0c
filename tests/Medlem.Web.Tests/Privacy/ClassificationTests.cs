using System.Reflection;
using Medlem.Core.Privacy;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Medlem.Web.Tests.Privacy;

/// <summary>
/// DESIGN.md §4: every property that holds personal data carries a data classification. Read
/// from the EF model itself, so a column added anywhere without a decision fails here.
/// </summary>
public sealed class ClassificationTests
{
    [Fact]
    public async Task EveryStoredProperty_IsClassifiedAsPersonalOrNot()
    {
        await using var app = new MedlemApplication();
        var unclassified = await app.WithDbAsync(db => Task.FromResult(Unclassified(db.Model).ToList()));
        Assert.True(unclassified.Count == 0, "Classify with [PersonalData(category)] or [NotPersonalData]: " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task TheRuleSeesEveryEntity_AndCatchesAnUnmarkedProperty()
    {
        await using var app = new MedlemApplication();
        var covered = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.ClrType.Name).ToList()));
        Assert.Contains("Person", covered);
        Assert.Contains("PostalAddress", covered);
        Assert.Contains("LibraryCard", covered);

        // The rule applied to a type with one unmarked property must report exactly that one.
        var unmarked = typeof(Probe).GetProperties().Where(p => !IsClassified(p)).Select(p => p.Name);
        Assert.Equal(["Unmarked"], unmarked);
    }

    [Fact]
    public void PersonalDataCategories_AreFideslangUserCategories()
    {
        var categories = typeof(Core.Members.Person).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttribute<PersonalDataAttribute>()?.Category)
            .OfType<string>()
            .Distinct()
            .ToList();
        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.StartsWith("user.", c, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Unclassified(IModel model) =>
        from entity in model.GetEntityTypes()
        from property in entity.GetProperties()
        where property.PropertyInfo is not null && !property.IsPrimaryKey() && !property.IsForeignKey()
        where !IsClassified(property.PropertyInfo!)
        select $"{entity.ClrType.Name}.{property.Name}";

    private static bool IsClassified(PropertyInfo property) =>
        property.GetCustomAttribute<PersonalDataAttribute>() is not null || property.GetCustomAttribute<NotPersonalDataAttribute>() is not null;

    private sealed class Probe
    {
        [PersonalData(MedlemTaxonomy.UserName)] public string Marked { get; set; } = "";

        [NotPersonalData] public string Chosen { get; set; } = "";

        public string Unmarked { get; set; } = "";
    }
}
