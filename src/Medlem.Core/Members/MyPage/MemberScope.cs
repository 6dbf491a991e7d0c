namespace Medlem.Core.Members.MyPage;

/// <summary>
/// The member's own scope on "Min side", as <see cref="Tenancy"/> is the staff's: a signed-in
/// person reaches their own memberships and nothing else. Every query made for a member starts
/// here, so an id of someone else's membership in a form or an address is simply not found.
/// </summary>
internal static class MemberScope
{
    public static IQueryable<Membership> OwnedBy(this IQueryable<Membership> memberships, Guid personId) =>
        memberships.Where(m => m.PersonId == personId);
}
