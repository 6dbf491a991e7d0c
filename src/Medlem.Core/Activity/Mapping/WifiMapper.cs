using Medlem.Core.Activity.Reading;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// Captive-portal sessions. A session logged in with a membership carries the member's
/// pseudonym; every other session is known only by the device's monthly visitor hash, so
/// unique users can be counted per month and nobody followed beyond it.
/// </summary>
internal sealed class WifiMapper : RowMapper
{
    private const int SessionId = 0, StartedAt = 1, EndedAt = 2, Branch = 3, LoginMethod = 4, CardNumber = 5, DeviceId = 6;
    private static readonly string[] Methods = ["membership", "social", "email", "voucher"];

    public override IReadOnlyList<string> Fields { get; } = ["session_id", "started_at", "ended_at", "branch", "login_method", "card_number", "device_id"];

    public override IReadOnlySet<string> Required { get; } = Set("started_at", "branch", "login_method");

    public override void Map(IRecordReader record, ImportContext context, IRowSink sink)
    {
        if (!TryTime(record, context, sink, StartedAt, out var started) || !TryBranch(record, context, sink, Branch, out var branch)
            || !TryRequired(record, sink, LoginMethod, out var methodText))
        {
            return;
        }

        var methodIndex = Vocabulary(context, methodText, Methods);
        if (methodIndex < 0)
        {
            Reject(record, sink, LoginMethod, ImportReasons.Login);
            return;
        }

        int? minutes = null;
        if (!Field(record, EndedAt).IsEmpty)
        {
            if (!FieldParsers.TryLocalTime(Field(record, EndedAt), context.Zone, out var ended))
            {
                Reject(record, sink, EndedAt, ImportReasons.Date);
                return;
            }

            if (ended < started)
            {
                Reject(record, sink, EndedAt, ImportReasons.EndsBeforeStart);
                return;
            }

            minutes = (int)Math.Round((ended - started).TotalMinutes);
        }

        var fact = new Fact
        {
            LibraryId = context.LibraryId,
            BranchId = branch,
            Day = DateOnly.FromDateTime(started),
            Kind = FactKind.WifiSession,
            Media = Code(context, Methods[methodIndex]),
            Minutes = minutes,
        };

        var card = methodIndex == 0 ? Field(record, CardNumber) : default;
        var device = Field(record, DeviceId);
        var member = card.IsEmpty ? null : context.Members.ByCard(card);
        Identify(ref fact, context, member, device.IsEmpty ? "card" : "device", device.IsEmpty ? card : device);

        var sessionId = Field(record, SessionId);
        fact.Key = sessionId.IsEmpty
            ? context.Keys.Of(FactKind.WifiSession, Field(record, StartedAt), Field(record, Branch), device, card)
            : context.Keys.Of(FactKind.WifiSession, sessionId);
        sink.Add(fact);
    }
}
