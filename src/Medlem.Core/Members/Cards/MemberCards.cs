using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.Cards;

/// <summary>One active card of the signed-in person, as their card page shows it.</summary>
public sealed record MemberCard(
    int CardId, Guid MembershipId, int LibraryId, string LibraryName, string TypeNameNb, string TypeNameEn,
    string Number, DateOnly IssuedOn, MembershipStatus Status)
{
    public string TypeName(string language) => language == "en" ? TypeNameEn : TypeNameNb;
}

/// <summary>
/// The person's own cards, across every library where they are a member: a person may see all
/// of their own memberships, whichever controller holds them. Only a card whose owner is
/// <c>personId</c> is ever returned; callers pass the signed-in member's id, never an id from input.
/// </summary>
public sealed class MemberCards(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>The active cards of the person's memberships, library by library, newest card first.</summary>
    public async Task<IReadOnlyList<MemberCard>> ActiveAsync(Guid personId, CancellationToken ct)
    {
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.Cards.Any(c => c.Status == CardStatus.Active))
            .Include(m => m.Person)
            .Include(m => m.MembershipType)
            .Include(m => m.Cards.Where(c => c.Status == CardStatus.Active))
            .ToListAsync(ct);
        var libraryIds = memberships.Select(m => m.LibraryId).Distinct().ToList();
        var libraries = await db.Libraries.AsNoTracking()
            .Where(l => libraryIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.Name, ct);

        return memberships
            .SelectMany(m => m.Cards.Select(card => new MemberCard(
                card.Id, m.Id, m.LibraryId, libraries[m.LibraryId], m.MembershipType!.NameNb, m.MembershipType.NameEn,
                card.Number, card.IssuedOn, rules.Status.Evaluate(m, m.MembershipType, m.Person!.BirthDate, Today))))
            .OrderBy(c => c.LibraryName, StringComparer.Ordinal)
            .ThenByDescending(c => c.IssuedOn)
            .ThenByDescending(c => c.CardId)
            .ToList();
    }

    /// <summary>The person's own card <paramref name="cardId"/> when it is active; null for any other card.</summary>
    public Task<LibraryCard?> FindActiveAsync(Guid personId, int cardId, CancellationToken ct) =>
        db.Cards.AsNoTracking()
            .Where(c => c.Id == cardId && c.Status == CardStatus.Active)
            .Where(c => db.Memberships.Any(m => m.Id == c.MembershipId && m.PersonId == personId))
            .SingleOrDefaultAsync(ct);
}
