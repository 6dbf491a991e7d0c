using Medlem.Core.Consortium;

namespace Medlem.Core.Demo;

/// <summary>
/// Demo staff accounts: one per role at each city library (so every screen can be tried as the
/// role it is meant for) and a desk account at each school library. User names say role and
/// library, e.g. <c>skranke.stavanger</c>; all share <see cref="DemoConsortium.DemoPassword"/>.
/// </summary>
public static class DemoStaff
{
    public static IReadOnlyList<(string Prefix, string DisplayRole, StaffRoles Role)> CityRoles { get; } =
    [
        ("skranke", "Skranke", StaffRoles.Desk),
        ("kundepleie", "Kundepleie", StaffRoles.CustomerCare),
        ("analytiker", "Analytiker", StaffRoles.Analyst),
        ("personvern", "Personvernombud", StaffRoles.DataProtectionOfficer),
        ("admin", "Administrator", StaffRoles.Administrator),
    ];

    public static IReadOnlyList<DemoStaffAccount> For(IEnumerable<DemoLibrary> libraries)
    {
        var accounts = new List<DemoStaffAccount>();
        foreach (var library in libraries)
        {
            var shortName = library.Kind == LibraryKind.Public ? library.Municipality : library.Name.Split(' ')[0];
            var roles = library.Kind == LibraryKind.Public ? CityRoles : CityRoles.Take(1);
            foreach (var (prefix, displayRole, role) in roles)
            {
                accounts.Add(new DemoStaffAccount(library.Code, $"{prefix}.{library.Code}", $"{displayRole} {shortName} (demo)", role));
            }
        }

        return accounts;
    }
}
