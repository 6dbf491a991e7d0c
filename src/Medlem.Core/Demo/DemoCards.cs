using Medlem.Core.Members;

namespace Medlem.Core.Demo;

/// <summary>
/// Issues the cards of one library: every membership has one active card, and some have an
/// older card that was reported lost or blocked and replaced. Serials follow the issue date,
/// as a library's card stock would, so older members have lower numbers.
/// </summary>
internal static class DemoCards
{
    public const double ReplacedShare = 0.06;
    public const double LostShareOfReplaced = 0.8;

    public static List<DemoCard> Issue(DemoLibrary library, IEnumerable<MembershipDraft> memberships, DateOnly today, Random random)
    {
        var pending = new List<(DateOnly IssuedOn, int Order, Guid MembershipId, CardStatus Status, DateTimeOffset? ChangedAt)>();
        foreach (var m in memberships)
        {
            var issued = m.ValidFrom;
            var lastDay = m.ValidTo is { } to && to < today ? to : today;
            var span = lastDay.DayNumber - issued.DayNumber;
            if (span > 30 && random.Chance(ReplacedShare))
            {
                var replacedOn = issued.AddDays(random.Between(1, span));
                var changedAt = DemoMembershipRules.During(replacedOn, random);
                var status = random.Chance(LostShareOfReplaced) ? CardStatus.Lost : CardStatus.Blocked;
                pending.Add((issued, pending.Count, m.Id, status, changedAt));
                issued = replacedOn;
            }

            pending.Add((issued, pending.Count, m.Id, CardStatus.Active, null));
        }

        pending.Sort((a, b) => a.IssuedOn != b.IssuedOn ? a.IssuedOn.CompareTo(b.IssuedOn) : a.Order.CompareTo(b.Order));
        var cards = new List<DemoCard>(pending.Count);
        var serial = 1;
        foreach (var card in pending)
        {
            cards.Add(new DemoCard(card.MembershipId, library.Code, CardNumbers.Create(library.CardPrefix, serial++), card.Status, card.IssuedOn, card.ChangedAt));
        }

        return cards;
    }
}
