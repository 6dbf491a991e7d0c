using Medlem.Core.Consortium;

namespace Medlem.Core.Demo;

/// <summary>
/// The demo consortium: the four city libraries of the seed project (Stavanger, Bergen,
/// Trondheim, Kristiansand) with their real branches, and a few school libraries in each
/// municipality. Names and branches are real so the demo looks familiar to librarians;
/// organisation numbers, data protection officers and staff are made up.
/// </summary>
/// <remarks>
/// Organisation numbers pass the Brønnøysund modulus-11 check but begin with 1; real ones begin
/// with 8 or 9, so none of them can belong to a real organisation.
/// </remarks>
public static class DemoConsortium
{
    /// <summary>The one password of every demo staff account. Shown in the documentation, never logged.</summary>
    public const string DemoPassword = "Demo-2026!";

    /// <summary>E-mail domains reserved for examples (RFC 2606): mail sent there reaches nobody.</summary>
    public static readonly IReadOnlyList<string> EmailDomains = ["example.org", "example.com", "example.net"];

    public static IReadOnlyList<DemoCity> Cities { get; } =
    [
        new(
            "stavanger", "Stavanger bibliotek (Sølvberget)", "Stavanger", "115881396", 145_000, "40",
            "Ingrid Personvernsen", [
                new("solvberget", "Sølvberget hovedbibliotek", true),
                new("madla", "Madla bibliotek", false),
                new("rennesoy", "Rennesøy bibliotek", false),
                new("finnoy", "Finnøy bibliotek", false),
            ],
            [
                new("stavanger-madlavoll", "Madlavoll skole – skolebibliotek", "117075362", "41"),
                new("stavanger-hundvag", "Hundvåg skole – skolebibliotek", "145568153", "42"),
                new("stavanger-tjensvoll", "Tjensvoll skole – skolebibliotek", "118844726", "43"),
            ]),
        new(
            "bergen", "Bergen offentlige bibliotek", "Bergen", "198698792", 290_000, "50",
            "Ola Vernestad", [
                new("hovedbiblioteket", "Bergen hovedbibliotek", true),
                new("arna", "Arna bibliotek", false),
                new("fana", "Fana bibliotek", false),
                new("fyllingsdalen", "Fyllingsdalen bibliotek", false),
                new("laksevag", "Laksevåg bibliotek", false),
                new("landas", "Landås bibliotek", false),
                new("loddefjord", "Loddefjord bibliotek", false),
                new("asane", "Åsane bibliotek", false),
            ],
            [
                new("bergen-nordnes", "Nordnes skole – skolebibliotek", "194055765", "51"),
                new("bergen-fridalen", "Fridalen skole – skolebibliotek", "116987163", "52"),
                new("bergen-slettebakken", "Slettebakken skole – skolebibliotek", "197880937", "53"),
            ]),
        new(
            "trondheim", "Trondheim folkebibliotek", "Trondheim", "173091141", 215_000, "70",
            "Kari Demodatter", [
                new("hovedbiblioteket", "Hovedbiblioteket, Peter Egges plass", true),
                new("buran", "Buran bydelsbibliotek", false),
                new("byasen", "Byåsen bydelsbibliotek", false),
                new("heimdal", "Heimdal bydelsbibliotek", false),
                new("klaebu", "Klæbu bydelsbibliotek", false),
                new("moholt", "Moholt bydelsbibliotek", false),
                new("ranheim", "Ranheim bydelsbibliotek", false),
                new("risvollan", "Risvollan bydelsbibliotek", false),
                new("saupstad", "Saupstad bydelsbibliotek", false),
            ],
            [
                new("trondheim-lademoen", "Lademoen skole – skolebibliotek", "120819674", "71"),
                new("trondheim-singsaker", "Singsaker skole – skolebibliotek", "148648875", "72"),
            ]),
        new(
            "kristiansand", "Kristiansand folkebibliotek", "Kristiansand", "104571786", 115_000, "46",
            "Per Eksempelsen", [
                new("hovedbiblioteket", "Hovedbiblioteket", true),
                new("vagsbygd", "Vågsbygd bibliotek", false),
                new("tangvall", "Tangvall bibliotek", false),
                new("nodeland", "Nodeland bibliotek", false),
                new("flekkeroy", "Flekkerøy bibliotek", false),
                new("finsland", "Finsland bibliotek", false),
            ],
            [
                new("kristiansand-lund", "Lund skole – skolebibliotek", "129787538", "47"),
                new("kristiansand-vagsbygd", "Vågsbygd skole – skolebibliotek", "147787685", "48"),
            ]),
    ];

    /// <summary>Every library as plain data: each city library followed by its school libraries.</summary>
    public static IReadOnlyList<DemoLibrary> Libraries()
    {
        var libraries = new List<DemoLibrary>();
        foreach (var city in Cities)
        {
            libraries.Add(new DemoLibrary(
                city.Code, city.Name, LibraryKind.Public, city.OrganisationNumber, city.Municipality, null,
                city.DataProtectionOfficerName, $"personvernombud.{city.Code}@example.org", city.CardPrefix, city.Branches));
            foreach (var school in city.Schools)
            {
                libraries.Add(new DemoLibrary(
                    school.Code, school.Name, LibraryKind.School, school.OrganisationNumber, city.Municipality, city.Code,
                    city.DataProtectionOfficerName, $"personvernombud.{city.Code}@example.org", school.CardPrefix,
                    [new DemoBranch("skolebibliotek", "Skolebiblioteket", true)]));
            }
        }

        return libraries;
    }
}

/// <summary>A city library of the demo, with its inhabitants (for scaling) and schools.</summary>
public sealed record DemoCity(
    string Code,
    string Name,
    string Municipality,
    string OrganisationNumber,
    int Inhabitants,
    string CardPrefix,
    string DataProtectionOfficerName,
    IReadOnlyList<DemoBranch> Branches,
    IReadOnlyList<DemoSchool> Schools);

public sealed record DemoSchool(string Code, string Name, string OrganisationNumber, string CardPrefix);
