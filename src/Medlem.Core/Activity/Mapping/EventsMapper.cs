using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// The event catalogue. Events may lie in the future (the programme is published ahead). The
/// organiser is read but not stored: it may name a private person, and no figure needs it.
/// </summary>
internal sealed class EventsMapper : RowMapper
{
    private const int EventId = 0, Title = 1, Category = 2, AudienceField = 3, StartsAt = 4, Branch = 5;

    private static readonly string[] Audiences = ["children", "youth", "adults", "all"];

    public override IReadOnlyList<string> Fields { get; } = ["event_id", "title", "category", "audience", "starts_at", "branch", "organiser"];

    public override IReadOnlySet<string> Required { get; } = Set("event_id", "title", "category", "audience", "starts_at");

    public override void Map(IRecordReader record, ImportContext context, IRowSink sink)
    {
        if (!TryRequired(record, sink, EventId, out var eventId) || !TryRequired(record, sink, Title, out var title)
            || !TryRequired(record, sink, Category, out var category) || !TryRequired(record, sink, AudienceField, out var audienceText)
            || !TryRequired(record, sink, StartsAt, out var startsText) || !TryBranch(record, context, sink, Branch, out var branch))
        {
            return;
        }

        Audience? audience = Vocabulary(context, audienceText, Audiences) switch
        {
            0 => Audience.Children,
            1 => Audience.Youth,
            2 => Audience.Adults,
            3 => Audience.All,
            _ => null,
        };
        if (audience is null)
        {
            Reject(record, sink, AudienceField, ImportReasons.Audience);
            return;
        }

        if (!FieldParsers.TryLocalTime(startsText, context.Zone, out var startsAt))
        {
            Reject(record, sink, StartsAt, ImportReasons.Date);
            return;
        }

        sink.Add(new EventEntry(context.LibraryId, eventId.ToString(), title.ToString(), category.ToString().ToLowerInvariant(), audience.Value, startsAt, branch));
    }
}
