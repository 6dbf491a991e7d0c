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
