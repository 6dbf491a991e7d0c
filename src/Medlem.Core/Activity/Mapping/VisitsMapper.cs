using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>Door counter counts per branch, day and hour. A later count for the same hour replaces the earlier.</summary>
internal sealed class VisitsMapper : RowMapper
{
    private const int Branch = 0, Date = 1, Hour = 2, Count = 3;

    public override IReadOnlyList<string> Fields { get; } = ["branch", "date", "hour", "count"];

    public override IReadOnlySet<string> Required { get; } = Set("branch", "date", "hour", "count");

    public override void Map(IRecordReader record, ImportContext context, IRowSink sink)
    {
        if (!TryBranch(record, context, sink, Branch, out var branch) || !TryTime(record, context, sink, Date, out var date)
            || !TryRequired(record, sink, Hour, out var hourText) || !TryRequired(record, sink, Count, out var countText))
        {
            return;
        }

        if (!FieldParsers.TryInt(hourText, out var hour) || hour is < 0 or > 23)
        {
            Reject(record, sink, Hour, ImportReasons.Hour);
            return;
        }

        if (!FieldParsers.TryInt(countText, out var count))
        {
            Reject(record, sink, Count, ImportReasons.Number);
            return;
        }

        if (count < 0)
        {
            Reject(record, sink, Count, ImportReasons.Negative);
            return;
        }

        sink.Add(new VisitCount(context.LibraryId, branch!.Value, DateOnly.FromDateTime(date), (byte)hour, count));
    }
}
