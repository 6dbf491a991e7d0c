namespace Medlem.Core.Demo;

/// <summary>
/// Streets of each demo city with a plausible postal code and place, and the branch nearest to
/// them. A member's home branch follows from the address, as it would in a real library. The
/// main library serves the city centre and the districts without a branch, so it has most
/// streets. House numbers are drawn at random: an address names no real household.
/// </summary>
internal static class DemoStreets
{
    public static IReadOnlyList<DemoStreet> For(string cityCode) => cityCode switch
    {
        "stavanger" => Stavanger,
        "bergen" => Bergen,
        "trondheim" => Trondheim,
        "kristiansand" => Kristiansand,
        _ => throw new ArgumentOutOfRangeException(nameof(cityCode), cityCode, "No streets for this city."),
    };

    private static readonly DemoStreet[] Stavanger =
    [
        new("Kongsgata", "4005", "Stavanger", "solvberget"), new("Pedersgata", "4013", "Stavanger", "solvberget"),
        new("Løkkeveien", "4008", "Stavanger", "solvberget"), new("Eiganesveien", "4009", "Stavanger", "solvberget"),
        new("Hillevågsveien", "4016", "Stavanger", "solvberget"), new("Tjensvollveien", "4021", "Stavanger", "solvberget"),
        new("Tastaveien", "4027", "Stavanger", "solvberget"), new("Randabergveien", "4027", "Stavanger", "solvberget"),
        new("Hundvågveien", "4085", "Hundvåg", "solvberget"), new("Buøyveien", "4085", "Hundvåg", "solvberget"),
        new("Hinnasvingen", "4020", "Stavanger", "solvberget"), new("Gauselbakken", "4032", "Stavanger", "solvberget"),
        new("Storhaugveien", "4014", "Stavanger", "solvberget"), new("Bergelandsgata", "4012", "Stavanger", "solvberget"),
        new("Kvernevikveien", "4048", "Hafrsfjord", "madla"), new("Madlaveien", "4042", "Hafrsfjord", "madla"),
        new("Revheimsveien", "4041", "Hafrsfjord", "madla"), new("Sunde allé", "4046", "Hafrsfjord", "madla"),
        new("Vikevågveien", "4150", "Rennesøy", "rennesoy"), new("Judabergveien", "4160", "Finnøy", "finnoy"),
    ];

    private static readonly DemoStreet[] Bergen =
    [
        new("Strandgaten", "5013", "Bergen", "hovedbiblioteket"), new("Kong Oscars gate", "5017", "Bergen", "hovedbiblioteket"),
        new("Nygårdsgaten", "5015", "Bergen", "hovedbiblioteket"), new("Møhlenprisbakken", "5006", "Bergen", "hovedbiblioteket"),
        new("Sandviksveien", "5035", "Bergen", "hovedbiblioteket"), new("Haukelandsveien", "5009", "Bergen", "hovedbiblioteket"),
        new("Nordnesgaten", "5005", "Bergen", "hovedbiblioteket"), new("Kalfarveien", "5018", "Bergen", "hovedbiblioteket"),
        new("Landåsveien", "5089", "Bergen", "landas"), new("Hagerups vei", "5063", "Bergen", "landas"),
        new("Arnatveitvegen", "5261", "Indre Arna", "arna"), new("Nesttunvegen", "5221", "Nesttun", "fana"),
        new("Fanavegen", "5244", "Fana", "fana"), new("Folke Bernadottes vei", "5147", "Fyllingsdalen", "fyllingsdalen"),
        new("Dag Hammarskjølds vei", "5144", "Fyllingsdalen", "fyllingsdalen"), new("Damsgårdsveien", "5162", "Laksevåg", "laksevag"),
        new("Lyderhornsveien", "5171", "Loddefjord", "loddefjord"), new("Åsamyrane", "5116", "Ulset", "asane"),
        new("Åsane senter", "5116", "Ulset", "asane"), new("Myrdalsvegen", "5130", "Nyborg", "asane"),
    ];

    private static readonly DemoStreet[] Trondheim =
    [
        new("Munkegata", "7011", "Trondheim", "hovedbiblioteket"), new("Kongens gate", "7012", "Trondheim", "hovedbiblioteket"),
        new("Innherredsveien", "7014", "Trondheim", "hovedbiblioteket"), new("Elgeseter gate", "7030", "Trondheim", "hovedbiblioteket"),
        new("Prinsens gate", "7013", "Trondheim", "hovedbiblioteket"), new("Lademoens gate", "7042", "Trondheim", "buran"),
        new("Jonsvannsveien", "7051", "Trondheim", "moholt"), new("Moholt allé", "7050", "Trondheim", "moholt"),
        new("Byåsveien", "7022", "Trondheim", "byasen"), new("Heimdalsvegen", "7080", "Heimdal", "heimdal"),
        new("Klæbuvegen", "7540", "Klæbu", "klaebu"), new("Ranheimsvegen", "7054", "Ranheim", "ranheim"),
        new("Bromstadvegen", "7047", "Trondheim", "risvollan"), new("Risvollan senter", "7058", "Jakobsli", "risvollan"),
        new("Saupstadringen", "7078", "Saupstad", "saupstad"), new("Kolstadflata", "7098", "Saupstad", "saupstad"),
    ];

    private static readonly DemoStreet[] Kristiansand =
    [
        new("Markens gate", "4611", "Kristiansand", "hovedbiblioteket"), new("Dronningens gate", "4608", "Kristiansand", "hovedbiblioteket"),
        new("Elvegata", "4614", "Kristiansand", "hovedbiblioteket"), new("Kuholmsveien", "4633", "Kristiansand", "hovedbiblioteket"),
        new("Lundsvingen", "4614", "Kristiansand", "hovedbiblioteket"), new("Grimsmyra", "4631", "Kristiansand", "hovedbiblioteket"),
        new("Vågsbygdveien", "4621", "Kristiansand", "vagsbygd"), new("Slettheia", "4626", "Kristiansand", "vagsbygd"),
        new("Tangvallveien", "4640", "Søgne", "tangvall"), new("Nodelandsveien", "4645", "Nodeland", "nodeland"),
        new("Flekkerøyveien", "4625", "Flekkerøy", "flekkeroy"), new("Finslandsveien", "4646", "Finsland", "finsland"),
    ];
}

/// <summary>A street, its postal code and place, and the branch that serves it.</summary>
internal sealed record DemoStreet(string Name, string PostalCode, string City, string BranchCode);
