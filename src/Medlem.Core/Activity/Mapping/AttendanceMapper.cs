using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// Attendance at a catalogued event, dated on the event's day. A person named by card or e-mail
/// counts once per event however many registration and check-in rows the system wrote; rows
/// with neither are anonymous head counts, each one a person.
/// </summary>
internal sealed class AttendanceMapper : RowMapper
{
    private const int EventId = 0, Time = 1, CardNumber = 2, Email = 3;
    private readonly Dictionary<string, int> _anonymousPerEvent = new(StringComparer.Ordinal);

    public override IReadOnlyList<string> Fields { get; } = ["event_id", "time", "card_number", "email"];

    public override IReadOnlySet<string> Required { get; } = Set("event_id", "time");

    public override void Map(IRecordReader record, ImportContext context, IRowSink sink)
    {
        if (!TryRequired(record, sink, EventId, out var eventId) || !TryTime(record, context, sink, Time, out _))
        {
            return;
        }

        if (!context.Events.TryGetValue(eventId.ToString(), out var entry))
        {
            Reject(record, sink, EventId, ImportReasons.Event);
            return;
        }

        var day = DateOnly.FromDateTime(entry.StartsAt);
        if (day > context.Today)
        {
            Reject(record, sink, EventId, ImportReasons.Future);
            return;
        }

        var fact = new Fact
        {
            LibraryId = context.LibraryId,
            BranchId = entry.BranchId,
            Day = day,
            Kind = FactKind.EventAttendance,
            Category = Code(context, entry.Category),
            Audience = entry.Audience,
            EventId = context.Numbers.LargeCode(entry.EventId),
        };

        var card = Field(record, CardNumber);
        var email = Field(record, Email);
        var member = card.IsEmpty ? context.Members.ByEmail(email) : context.Members.ByCard(card);
        Identify(ref fact, context, member, card.IsEmpty ? "email" : "card", card.IsEmpty ? email : card);
        fact.Key = fact.Match == MatchKind.Anonymous
            ? context.Keys.Of(FactKind.EventAttendance, eventId, "anonymous", NextAnonymous(entry.EventId))
            : context.Keys.Of(FactKind.EventAttendance, eventId, card.IsEmpty ? "email" : "card", card.IsEmpty ? email.Trim().ToString().ToLowerInvariant() : card);
        sink.Add(fact);
    }

    /// <summary>The n-th anonymous row of the event in this file: the same file again gives the same keys.</summary>
    private string NextAnonymous(string eventId)
    {
        var n = _anonymousPerEvent.GetValueOrDefault(eventId) + 1;
        _anonymousPerEvent[eventId] = n;
        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
