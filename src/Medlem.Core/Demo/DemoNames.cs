namespace Medlem.Core.Demo;

/// <summary>
/// Name lists for synthetic people. Norwegian names follow Statistics Norway's lists of the most
/// common given names by birth cohort and the most common family names, so a register looks
/// like a Norwegian one (a Kjell is older than a Noah). Names from other origins are there
/// because a Norwegian city has them, and because they test that the system handles letters
/// beyond æøå. Norwegian lists are ordered from most to least common and the generator favours
/// the front; names of other origins are drawn evenly, so no single origin dominates.
/// </summary>
internal static class DemoNames
{
    public static readonly string[] MenBornBefore1965 =
    [
        "Jan", "Per", "Bjørn", "Ole", "Kjell", "Lars", "Arne", "Knut", "Svein", "Hans", "Odd", "Tor", "Terje",
        "Geir", "Rolf", "Leif", "Harald", "Egil", "Einar", "Magne", "Olav", "Helge", "Sverre", "Asbjørn", "Åge",
    ];

    public static readonly string[] MenBorn1965To1994 =
    [
        "Thomas", "Morten", "Espen", "Anders", "Martin", "Kristian", "Marius", "Andreas", "Stian", "Trond",
        "Rune", "Eirik", "Jon", "Frode", "Øyvind", "Henrik", "Fredrik", "Kristoffer", "Daniel", "Håkon",
        "Tommy", "Ørjan", "Vegard", "Sindre", "Magnus",
    ];

    public static readonly string[] MenBornFrom1995 =
    [
        "Jakob", "Emil", "Noah", "Oliver", "Filip", "William", "Lucas", "Liam", "Henrik", "Oskar", "Aksel",
        "Theodor", "Elias", "Kasper", "Magnus", "Johannes", "Isak", "Mathias", "Tobias", "Sander", "Jonas",
        "Even", "Ludvig", "Håkon", "Sebastian",
    ];

    public static readonly string[] WomenBornBefore1965 =
    [
        "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg", "Randi", "Solveig",
        "Gerd", "Ragnhild", "Karin", "Turid", "Gunn", "Elin", "Grete", "Åse", "Sissel", "Torill", "Wenche",
        "Unni", "Reidun",
    ];

    public static readonly string[] WomenBorn1965To1994 =
    [
        "Hilde", "Marianne", "Kristin", "Silje", "Camilla", "Ingrid", "Ida", "Nina", "Hanne", "Marte", "Tone",
        "Linda", "Lene", "Mette", "Heidi", "Anette", "Julie", "Maria", "Ingvild", "Guro", "Kjersti", "Siri",
        "Tonje", "Stine", "Åshild",
    ];

    public static readonly string[] WomenBornFrom1995 =
    [
        "Nora", "Emma", "Sofie", "Olivia", "Ella", "Maja", "Sara", "Leah", "Ingrid", "Frida", "Hedda", "Thea",
        "Vilde", "Amalie", "Tuva", "Aurora", "Astrid", "Selma", "Sigrid", "Mathilde", "Ida", "Julie", "Ellinor",
        "Iben", "Åsne",
    ];

    public static readonly string[] NorwegianFamilyNames =
    [
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
        "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen",
        "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen",
        "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen",
        "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Rasmussen", "Lunde",
        "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge",
        "Christensen", "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther", "Aas", "Myhre", "Hanssen",
        "Haugland", "Thomassen", "Sivertsen", "Simonsen", "Danielsen", "Berntsen", "Sandvik",
        "Rønning", "Arnesen", "Antonsen", "Næss", "Vik", "Ødegård", "Bråthen", "Aasen", "Tveit", "Øien",
        "Skjæveland", "Tjøstheim", "Søyland", "Østby", "Bø", "Rød", "Fjeld", "Aune",
    ];

    public static readonly string[] OtherMen =
    [
        "Mohammed", "Ahmed", "Ali", "Hassan", "Omar", "Abdi", "Yusuf", "Mustafa", "Piotr", "Tomasz", "Łukasz",
        "Krzysztof", "Jakub", "Minh", "Tuan", "Duc", "Aleksandr", "Dmytro", "Mykola", "Andrius", "Tomas",
        "Arjun", "Rahul", "Mehmet", "Emre", "Carlos", "João", "Nikola", "Jovan", "Dawit", "Yonas",
    ];

    public static readonly string[] OtherWomen =
    [
        "Fatima", "Amina", "Aisha", "Maryam", "Zahra", "Hodan", "Leyla", "Katarzyna", "Agnieszka", "Małgorzata",
        "Anna", "Joanna", "Linh", "Thu", "Hoa", "Mai", "Olena", "Iryna", "Oksana", "Rūta", "Priya", "Ayşe",
        "Elif", "Ana", "Milica", "Jelena", "Selam", "Hiwot", "Sofía", "Beatriz",
    ];

    public static readonly string[] OtherFamilyNames =
    [
        "Nguyen", "Tran", "Pham", "Le", "Ahmed", "Mohammed", "Ali", "Hussain", "Khan", "Hassan", "Abdi", "Yusuf",
        "Omar", "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Kazlauskas",
        "Petrauskas", "Shevchenko", "Kovalenko", "Bondarenko", "Yılmaz", "Kaya", "Şahin", "Jovanović",
        "Petrović", "Nikolić", "Silva", "Santos", "Ferreira", "Haile", "Tesfaye", "Singh", "Sharma",
    ];

    /// <summary>Polish family names take the feminine form -ska/-cka for women.</summary>
    public static string FamilyNameFor(string familyName, bool female) =>
        female && familyName.EndsWith("ski", StringComparison.Ordinal) ? string.Concat(familyName.AsSpan(0, familyName.Length - 1), "a")
        : female && familyName.EndsWith("cki", StringComparison.Ordinal) ? string.Concat(familyName.AsSpan(0, familyName.Length - 1), "a")
        : familyName;

    public static string[] GivenNames(bool female, int birthYear) => (female, birthYear) switch
    {
        (true, < 1965) => WomenBornBefore1965,
        (true, < 1995) => WomenBorn1965To1994,
        (true, _) => WomenBornFrom1995,
        (false, < 1965) => MenBornBefore1965,
        (false, < 1995) => MenBorn1965To1994,
        (false, _) => MenBornFrom1995,
    };
}
