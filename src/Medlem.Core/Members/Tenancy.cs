namespace Medlem.Core.Members;

/// <summary>
/// The library scope of staff queries. Each library is its own controller of personal data, so
/// staff see a person only through a membership of their own library. Every query made for a
/// staff member starts here.
/// </summary>
public static class Tenancy
{
    public static IQueryable<Membership> OfLibrary(this IQueryable<Membership> memberships, int libraryId) =>
        memberships.Where(m => m.LibraryId == libraryId);

    /// <summary>People with at least one membership (of any status) in the library.</summary>
    public static IQueryable<Person> MembersOf(this IQueryable<Person> people, int libraryId) =>
        people.Where(p => p.Memberships.Any(m => m.LibraryId == libraryId));
}
