namespace Medlem.Core.Privacy.Access;

/// <summary>
/// A feature that holds data about a person adds its section to the access export through this:
/// the audit trail (who read the person's data), consents, requests, messages sent. Register an
/// implementation in the container; every registered part is asked, in registration order.
/// </summary>
/// <remarks>
/// Implementations MUST return only what <see cref="AccessExportSubject.LibraryId"/> controls, and
/// MUST NOT throw for a person they know nothing about (return a section with no entries).
/// </remarks>
public interface IAccessExportPart
{
    Task<AccessExportSection> ContributeAsync(AccessExportSubject subject, CancellationToken ct);
}

/// <summary>Whose data is exported, for which library, and through which memberships and pseudonyms.</summary>
public sealed record AccessExportSubject(int LibraryId, Guid PersonId, IReadOnlyList<Guid> MembershipIds, IReadOnlyList<Guid> Pseudonyms);

/// <summary>
/// The audit trail's place in the export until the trail exists: an empty section that says so.
/// The audit feature replaces this registration with its own part.
/// </summary>
public sealed class PendingAuditTrailPart : IAccessExportPart
{
    public const string Key = "audit";

    public Task<AccessExportSection> ContributeAsync(AccessExportSubject subject, CancellationToken ct) =>
        Task.FromResult(new AccessExportSection(
            Key, "not-yet-recorded", "Reads of the person's data by staff are not yet recorded in an audit trail; this section will list them.", []));
}
