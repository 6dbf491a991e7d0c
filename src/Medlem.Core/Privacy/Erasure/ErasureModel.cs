namespace Medlem.Core.Privacy.Erasure;

/// <summary>
/// Something the law requires the library to keep about a person for now (an unpaid replacement
/// fee, an open loan: the bookkeeping act, the library's claim). While a hold exists the person is
/// not erased: staff settle it first, then erase. Medlem has no fees or loans model yet, so no hold
/// is registered today; a feature that adds one registers an implementation in the container.
/// </summary>
/// <remarks>
/// Implementations MUST look only at <c>libraryId</c>'s data and MUST NOT return personal data
/// in <see cref="ErasureHoldReason.Reason"/> beyond what staff of that library already see.
/// </remarks>
public interface IErasureHold
{
    Task<IReadOnlyList<ErasureHoldReason>> HoldsAsync(int libraryId, Guid personId, IReadOnlyList<Guid> membershipIds, CancellationToken ct);
}

/// <param name="Code">A text key (<c>erasure.hold.fee</c>), shown in the user's language.</param>
/// <param name="Reason">What to settle, for staff.</param>
public sealed record ErasureHoldReason(string Code, string Reason);

/// <summary>
/// What the library system must erase too (DESIGN.md §5: the library system is master of the
/// borrower record). Handed back once, from the erase action, and posted to the library's webhook;
/// Medlem keeps no copy: after the erasure it no longer knows these ids.
/// </summary>
public sealed record ErasureInstruction(
    string Library, DateTimeOffset ErasedAt, IReadOnlyList<ErasureInstructionId> LibrarySystemIds, IReadOnlyList<string> CardNumbers);

/// <param name="System">The library system (<c>Koha</c>, <c>Folio</c>…).</param>
/// <param name="Id">Its id of the borrower (Koha borrowernumber, FOLIO user id).</param>
public sealed record ErasureInstructionId(string System, string Id);

/// <summary>What an erasure did. No names: the result may be logged or shown after the person is gone.</summary>
public sealed record ErasureResult(
    ErasureInstruction Instruction,
    int MembershipsErased,
    bool PersonErased,
    int PseudonymLinksBroken,
    int ImportErrorsRedacted,
    WebhookDelivery Webhook);

public enum WebhookDelivery
{
    /// <summary>No webhook is configured for the library: the downloaded instruction is the only one.</summary>
    NotConfigured = 0,

    Delivered = 1,

    /// <summary>The webhook did not answer 2xx; the downloaded instruction must be acted on by hand.</summary>
    Failed = 2,
}

/// <summary>Settings under <c>Medlem:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Medlem:Privacy";

    /// <summary>Per library code, the URL the erasure instruction is POSTed to as JSON.</summary>
    public Dictionary<string, string> ErasureWebhook { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
