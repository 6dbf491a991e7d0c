namespace Medlem.Core.Demo;

/// <summary>
/// Generates the demo consortium in memory: deterministic from the seed (one
/// <see cref="Random"/>, a fixed order of draws, no wall clock), calibrated at every scale to
/// the seed project's figures for Stavanger (<see cref="DemoCalibration"/>), with the other city
/// libraries sized by their inhabitants and following the same rates.
/// </summary>
public static class DemoGenerator
{
    /// <summary>
    /// The consortium at <paramref name="scale"/> (1 = realistic size, about 60,000 registered
    /// members in Stavanger; 0.01 for fast tests) as of <paramref name="today"/>.
    /// </summary>
    public static DemoData Generate(double scale, int seed, DateOnly today)
    {
        if (!(scale > 0) || scale > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be above 0 and at most 10.");
        }

        var random = new Random(seed);
        var libraries = DemoConsortium.Libraries();
        var people = new DemoPeople(random);
        var guardianships = new List<DemoGuardianship>();
        var memberships = new List<MembershipDraft>();
        var cards = new List<DemoCard>();
        var earlierAdults = new List<PersonDraft>();

        foreach (var city in DemoConsortium.Cities)
        {
            var members = new DemoCityMembers(city, today, random, people, earlierAdults);
            members.Generate(RegisteredMembers(city, scale));
            new DemoActivityModel(today, random).Apply(members.Memberships);

            var schools = new DemoSchoolMembers(members, city, today, random, people);
            schools.Generate(scale);
            schools.ApplyActivity();

            memberships.AddRange(members.Memberships);
            memberships.AddRange(schools.Memberships);
            guardianships.AddRange(members.Guardianships);
            earlierAdults.AddRange(members.Adults);
        }

        foreach (var library in libraries)
        {
            cards.AddRange(DemoCards.Issue(library, memberships.Where(m => m.LibraryCode == library.Code), today, random));
        }

        return new DemoData(
            seed,
            scale,
            today,
            libraries,
            people.All.Select(p => p.ToRecord()).ToList(),
            guardianships,
            memberships.Select(m => m.ToRecord(today)).ToList(),
            cards,
            DemoStaff.For(libraries));
    }

    /// <summary>Registered members of a city library at <paramref name="scale"/>: Stavanger's count, in proportion to inhabitants.</summary>
    public static int RegisteredMembers(DemoCity city, double scale) =>
        Math.Max(1, (int)Math.Round(
            scale * DemoCalibration.StavangerRegisteredMembers * city.Inhabitants / DemoCalibration.StavangerInhabitants));
}
