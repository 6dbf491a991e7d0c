using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.Cards;

public enum CardCheckResult
{
    /// <summary>The card is active: the answer says what the membership gives.</summary>
    Valid = 0,

    /// <summary>No such card in the checking library (or it belongs to another library).</summary>
    NotFound = 1,

    /// <summary>The card was reported lost or blocked; its number must not be used.</summary>
    CardNotActive = 2,
}

/// <summary>
/// What a desk learns when it checks a card: the membership's status, type and benefits, and
/// nothing that names the holder. <see cref="PersonId"/> and <see cref="MembershipId"/> are for
/// the audit trail only and never leave the server.
/// </summary>
public sealed record CardCheck(
    CardCheckResult Result, Guid PersonId, Guid MembershipId, CardStatus CardStatus,
    MembershipStatus Status, string TypeCode, string TypeNameNb, string TypeNameEn, MembershipBenefits Benefits)
{
    public static readonly CardCheck NotFound = new(CardCheckResult.NotFound, Guid.Empty, Guid.Empty, default, default, "", "", "", default);
}

/// <summary>
/// The desk's check of a card shown on a member's phone. Scoped to the checking library: a card
/// of another library is not found, so a desk learns nothing about other controllers' members.
/// </summary>
public sealed class CheckCard(MedlemDbContext db, MemberRules rules, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<CardCheck> RunAsync(int libraryId, int cardId, CancellationToken ct)
    {
        var card = await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cardId && c.LibraryId == libraryId, ct);
        var membership = card is null
            ? null
            : await db.Memberships.AsNoTracking().OfLibrary(libraryId)
                .Include(m => m.Person)
                .Include(m => m.MembershipType)
                .SingleOrDefaultAsync(m => m.Id == card.MembershipId, ct);
        if (card is null || membership is null)
        {
            return CardCheck.NotFound;
        }

        var type = membership.MembershipType!;
        return new CardCheck(
            card.Status == CardStatus.Active ? CardCheckResult.Valid : CardCheckResult.CardNotActive,
            membership.PersonId, membership.Id, card.Status,
            rules.Status.Evaluate(membership, type, membership.Person!.BirthDate, Today),
            type.Code, type.NameNb, type.NameEn, type.Benefits);
    }
}
