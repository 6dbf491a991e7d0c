namespace Medlem.Core.Activity;

/// <summary>
/// What a file or API batch holds. The command line and the API name a kind in kebab case
/// (<c>patrons</c>, <c>loans</c>, <c>events</c>, <c>attendance</c>, <c>wifi</c>,
/// <c>digital-loans</c>, <c>visits</c>); see <see cref="ImportKinds"/>.
/// </summary>
public enum ImportKind
{
    /// <summary>Borrower records of the library system (Koha borrowers, FOLIO users): link source ids to members.</summary>
    Patrons = 1,

    /// <summary>Circulation: loans, renewals, returns and local use (Koha statistics or checkouts, FOLIO loans).</summary>
    Loans = 2,

    /// <summary>The event catalogue: no people, only what happened where and for whom.</summary>
    Events = 3,

    /// <summary>Attendance at catalogued events: by card number, e-mail, or anonymous head count.</summary>
    Attendance = 4,

    /// <summary>Sessions on the public wifi's captive portal.</summary>
    Wifi = 5,

    /// <summary>E-book and e-audiobook loans.</summary>
    DigitalLoans = 6,

    /// <summary>Door counter counts per branch and hour: no people.</summary>
    Visits = 7,
}

/// <summary>The layout a file follows: a library system's own export, or Medlem's documented one.</summary>
public enum ImportFormat
{
    /// <summary>Medlem's own CSV or JSON lines columns (docs/activity-import.md).</summary>
    Medlem = 0,

    /// <summary>Koha: borrowers and statistics table exports (CSV), REST API patron and checkout JSON.</summary>
    Koha = 1,

    /// <summary>FOLIO: mod-users userdata and mod-circulation loan JSON.</summary>
    Folio = 2,
}

public static class ImportKinds
{
    private static readonly Dictionary<string, ImportKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["patrons"] = ImportKind.Patrons,
        ["loans"] = ImportKind.Loans,
        ["events"] = ImportKind.Events,
        ["attendance"] = ImportKind.Attendance,
        ["wifi"] = ImportKind.Wifi,
        ["digital-loans"] = ImportKind.DigitalLoans,
        ["visits"] = ImportKind.Visits,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out ImportKind kind) => ByName.TryGetValue(name ?? "", out kind);

    public static string Name(this ImportKind kind) => ByName.First(pair => pair.Value == kind).Key;
}

/// <summary>How an import arrived (<see cref="ImportRun.Channel"/>); each has a text <c>import.channel.*</c>.</summary>
public static class ImportChannels
{
    public const string Cli = "cli";
    public const string Web = "web";
    public const string Api = "api";
    public const string Demo = "demo";

    public static IReadOnlyList<string> All { get; } = [Cli, Web, Api, Demo];
}
