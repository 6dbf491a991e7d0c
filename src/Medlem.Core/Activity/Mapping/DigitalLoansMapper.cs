using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>E-book and e-audiobook loans from the lending platform, by card number; they belong to no branch.</summary>
internal sealed class DigitalLoansMapper : RowMapper
{
    private const int LoanId = 0, Time = 1, CardNumber = 2, Format = 3, TitleId = 4;
    private static readonly string[] Formats = ["ebook", "eaudiobook"];

    public override IReadOnlyList<string> Fields { get; } = ["loan_id", "time", "card_number", "format", "title_id"];

    public override IReadOnlySet<string> Required { get; } = Set("time", "format");

    public override void Map(IRecordReader record, ImportContext context, IRowSink sink)
    {
        if (!TryTime(record, context, sink, Time, out var time) || !TryRequired(record, sink, Format, out var formatText))
        {
            return;
        }

        var format = Vocabulary(context, formatText, Formats);
        if (format < 0)
        {
            Reject(record, sink, Format, ImportReasons.Format);
            return;
        }

        var fact = new Fact
        {
            LibraryId = context.LibraryId,
            Day = DateOnly.FromDateTime(time),
            Kind = FactKind.DigitalLoan,
            Media = Code(context, Formats[format]),
        };

        var card = Field(record, CardNumber);
        var member = card.IsEmpty ? null : context.Members.ByCard(card);
        Identify(ref fact, context, member, "card", card);
        if (member is { KeepsReadingHistory: true })
        {
            fact.Title = context.Numbers.LargeCode(Field(record, TitleId));
        }

        var loanId = Field(record, LoanId);
        fact.Key = loanId.IsEmpty
            ? context.Keys.Of(FactKind.DigitalLoan, Field(record, Time), card, Field(record, TitleId))
            : context.Keys.Of(FactKind.DigitalLoan, loanId);
        sink.Add(fact);
    }
}
