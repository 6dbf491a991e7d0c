using Medlem.Core.Consortium;

namespace Medlem.Core.Demo;

/// <summary>What <see cref="DemoLoader"/> wrote, for the operator: counts and the demo logins (never the password).</summary>
public sealed record DemoLoadSummary(
    IReadOnlyList<DemoLibraryLoadCount> Libraries,
    int People,
    int ContactPoints,
    int Guardianships,
    IReadOnlyList<DemoLogin> Logins)
{
    public int Memberships => Libraries.Sum(l => l.Memberships);

    public int Cards => Libraries.Sum(l => l.Cards);
}

/// <summary>
/// Counts of one library. Memberships include those that lapsed before the period; registered
/// members are the memberships valid on some day of the 12 months ending on the data's today.
/// </summary>
public sealed record DemoLibraryLoadCount(
    string Code,
    string Name,
    int Branches,
    int Memberships,
    int RegisteredMembers,
    int Cards,
    int StaffAccounts);

/// <summary>A demo staff login. The password is the documented demo password and is deliberately not here.</summary>
public sealed record DemoLogin(string UserName, string LibraryCode, StaffRoles Roles);

/// <summary>Progress of a load, for a progress bar: rows of <paramref name="Stage"/> written so far.</summary>
public sealed record DemoLoadProgress(string Stage, int Done, int Total);
