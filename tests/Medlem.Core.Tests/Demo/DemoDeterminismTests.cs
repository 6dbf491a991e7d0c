using System.Text.Json;
using Medlem.Core.Demo;
using Xunit;

namespace Medlem.Core.Tests.Demo;

/// <summary>A seed must reproduce the consortium exactly, so a demo, a bug report and a benchmark can be repeated.</summary>
public sealed class DemoDeterminismTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    public void Same_seed_gives_an_identical_consortium()
    {
        var first = DemoGenerator.Generate(0.05, 7, Today);
        var second = DemoGenerator.Generate(0.05, 7, Today);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.Equal(first.Memberships.Select(m => m.Pseudonym), second.Memberships.Select(m => m.Pseudonym));
        Assert.Equal(first.Cards.Select(c => c.Number), second.Cards.Select(c => c.Number));
    }

    [Fact]
    public void Different_seeds_give_different_people_and_pseudonyms()
    {
        var first = DemoGenerator.Generate(0.05, 7, Today);
        var second = DemoGenerator.Generate(0.05, 8, Today);

        Assert.NotEqual(first.People.Select(p => p.FullName()), second.People.Select(p => p.FullName()));
        Assert.Empty(first.Memberships.Select(m => m.Pseudonym).Intersect(second.Memberships.Select(m => m.Pseudonym)));
        Assert.Empty(first.People.Select(p => p.Id).Intersect(second.People.Select(p => p.Id)));
    }

    [Fact]
    public void Scale_sets_the_size_of_every_library()
    {
        var small = DemoGenerator.Generate(0.01, 7, Today);
        var periodStart = DemoCalibration.PeriodStart(Today);
        foreach (var city in DemoConsortium.Cities)
        {
            var registered = small.Memberships.Count(m =>
                m.LibraryCode == city.Code && m.ValidFrom <= Today && (m.ValidTo is null || m.ValidTo >= periodStart));
            Assert.Equal(DemoGenerator.RegisteredMembers(city, 0.01), registered);
        }

        Assert.Equal(600, DemoGenerator.RegisteredMembers(DemoConsortium.Cities[0], 0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(0, 7, Today));
    }
}

internal static class DemoPersonNames
{
    public static string FullName(this DemoPerson person) => $"{person.GivenName} {person.FamilyName}";
}
