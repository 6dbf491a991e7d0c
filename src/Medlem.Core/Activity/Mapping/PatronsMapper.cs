using Medlem.Core.Activity.Reading;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// Borrower records of the library system: each links the system's id for the borrower
/// (Koha's borrowernumber, FOLIO's user id) to the member who holds the card, so circulation
/// rows naming only that id can be matched. The register stays Medlem's: nothing about the
/// person is copied from the library system.
/// </summary>
internal sealed class PatronsMapper : RowMapper
{
    private const int MemberId = 0, CardNumber = 1, Email = 2;

    public override IReadOnlyList<string> Fields { get; } = ["member_id", "card_number", "email"];

    public override IReadOnlySet<string> Required { get; } = Set("member_id");

    public override void Map(IRecordReader record, ImportContext context, IRowSink sink)
    {
        if (!TryRequired(record, sink, MemberId, out var memberId))
        {
            return;
        }

        var card = Field(record, CardNumber);
        var member = (card.IsEmpty ? null : context.Members.ByCard(card)) ?? context.Members.ByEmail(Field(record, Email));
        if (member is not { } found)
        {
            sink.Unmatched();
            return;
        }

        sink.Link(memberId, found);
    }
}
