using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// Circulation. Two shapes: one row per event (Koha's statistics table: issue, renew, return,
/// localuse, keyed by its content since the table has no id), or one record per loan (Koha's
/// checkouts, FOLIO's loans: a loan id, a loan date and a renewal count). A record per loan
/// gives one loan fact and one renewal fact per renewal; the renewals are dated at the last
/// renewal (or the loan date), the only date such records keep.
/// </summary>
internal sealed class LoansMapper : RowMapper
{
    private const int Time = 0, Branch = 1, Type = 2, ItemId = 3, ItemType = 4, Collection = 5, MemberId = 6, CardNumber = 7, LoanId = 8, Renewals = 9, RenewedAt = 10;

    /// <summary>Koha's statistics types (issue, renew, return, localuse) and their plain names.</summary>
    private static readonly string[] Types = ["issue", "loan", "renew", "renewal", "return", "localuse"];

    public override IReadOnlyList<string> Fields { get; } =
        ["time", "branch", "type", "item_id", "item_type", "collection", "member_id", "card_number", "loan_id", "renewals", "renewed_at"];

    public override IReadOnlySet<string> Required { get; } = Set("time", "branch");

    public override void Map(IRecordReader record, ImportContext context, IRowSink sink)
    {
        if (!TryTime(record, context, sink, Time, out var time) || !TryBranch(record, context, sink, Branch, out var branch))
        {
            return;
        }

        var fact = new Fact
        {
            LibraryId = context.LibraryId,
            BranchId = branch,
            Day = DateOnly.FromDateTime(time),
            Media = Code(context, Field(record, ItemType)),
            Category = Code(context, Field(record, Collection)),
        };

        var memberId = Field(record, MemberId);
        var card = Field(record, CardNumber);
        var member = (memberId.IsEmpty ? null : context.Members.BySourceId(memberId)) ?? (card.IsEmpty ? null : context.Members.ByCard(card));
        Identify(ref fact, context, member, memberId.IsEmpty ? "card" : "member-id", memberId.IsEmpty ? card : memberId);
        if (member is { KeepsReadingHistory: true })
        {
            fact.Title = context.Numbers.LargeCode(Field(record, ItemId));
        }

        var loanId = Field(record, LoanId);
        if (loanId.IsEmpty)
        {
            MapEvent(record, context, sink, fact, memberId.IsEmpty ? card : memberId);
        }
        else
        {
            MapLoan(record, context, sink, fact, loanId);
        }
    }

    /// <summary>A member by borrowernumber is a random place in megabytes (a cache miss a row, a third of the row's mapping otherwise).</summary>
    public override void Prefetch(IRecordReader record, ImportContext context) => context.Members.PrefetchSourceId(Field(record, MemberId));

    private void MapEvent(IRecordReader record, ImportContext context, IRowSink sink, Fact fact, ReadOnlySpan<char> reference)
    {
        var type = Field(record, Type);
        FactKind? kind = type.IsEmpty ? FactKind.Loan : Vocabulary(context, type, Types) switch
        {
            0 or 1 => FactKind.Loan,
            2 or 3 => FactKind.Renewal,
            4 => FactKind.Return,
            5 => FactKind.LocalUse,
            _ => null,
        };
        if (kind is null)
        {
            Reject(record, sink, Type, ImportReasons.Type);
            return;
        }

        fact.Kind = kind.Value;
        fact.Key = context.Keys.Of(kind.Value, Field(record, Time), Field(record, Branch), Field(record, ItemId), reference);
        sink.Add(fact);
    }

    private void MapLoan(IRecordReader record, ImportContext context, IRowSink sink, Fact fact, ReadOnlySpan<char> loanId)
    {
        var renewals = 0;
        var renewalsText = Field(record, Renewals);
        if (!renewalsText.IsEmpty && !FieldParsers.TryInt(renewalsText, out renewals))
        {
            Reject(record, sink, Renewals, ImportReasons.Number);
            return;
        }

        if (renewals < 0)
        {
            Reject(record, sink, Renewals, ImportReasons.Negative);
            return;
        }

        var renewedOn = fact.Day;
        if (renewals > 0 && !Field(record, RenewedAt).IsEmpty)
        {
            if (!TryTime(record, context, sink, RenewedAt, out var renewedAt))
            {
                return;
            }

            renewedOn = DateOnly.FromDateTime(renewedAt);
        }

        fact.Kind = FactKind.Loan;
        fact.Key = context.Keys.Of(FactKind.Loan, loanId);
        sink.Add(fact);

        Span<char> number = stackalloc char[11];
        for (var n = 1; n <= renewals; n++)
        {
            n.TryFormat(number, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            var renewal = fact;
            renewal.Kind = FactKind.Renewal;
            renewal.Day = renewedOn;
            renewal.Key = context.Keys.Of(FactKind.Renewal, loanId, number[..written]);
            sink.Add(renewal);
        }
    }
}
