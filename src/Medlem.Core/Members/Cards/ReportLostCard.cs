namespace Medlem.Core.Members.Cards;

/// <summary>
/// A member reports their own card lost: the card stops working (<see cref="CardStatus.Lost"/>)
/// and the membership gets a new number, in one save. The card is looked up through the
/// person, so nobody can block another person's card by guessing its id.
/// </summary>
public sealed class ReportLostCard(MemberCards cards, MembershipCommands commands)
{
    /// <summary>The new card; not found when the card is not the person's own active card.</summary>
    public async Task<Outcome<LibraryCard>> RunAsync(Guid personId, int cardId, CancellationToken ct)
    {
        var card = await cards.FindActiveAsync(personId, cardId, ct);
        if (card is null)
        {
            return Outcome<LibraryCard>.Missing();
        }

        // replaceActive marks every active card of the membership lost: a member with two active
        // cards of one library who lost one cannot tell the desk which, so both stop working.
        return await commands.IssueCardAsync(card.LibraryId, card.MembershipId, number: null, replaceActive: true, ct);
    }
}
