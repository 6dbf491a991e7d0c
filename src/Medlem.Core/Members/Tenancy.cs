using Medlem.Core.Data;

namespace Medlem.Core.Members;

/// <summary>
/// The library scope of staff queries. Each library is its own controller of personal data, so
/// staff see a person only through a membership of their own library, or as the guardian of a
/// child who has one. Every query made for a staff member starts here.
/// </summary>
public static class Tenancy
{
    public static IQueryable<Membership> OfLibrary(this IQueryable<Membership> memberships, int libraryId) =>
        memberships.Where(m => m.LibraryId == libraryId);

    /// <summary>People the library's staff may see: its members and the guardians of its child members.</summary>
    public static IQueryable<Person> VisibleTo(this MedlemDbContext db, int libraryId) =>
        db.People.Where(p =>
            p.Memberships.Any(m => m.LibraryId == libraryId)
            || db.Guardianships.Any(g => g.GuardianId == p.Id
                && db.Memberships.Any(m => m.PersonId == g.ChildId && m.LibraryId == libraryId)));
}
