using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Requests;

/// <summary>
/// Data-subject requests from receipt to close (GDPR art. 12): received for a person the library
/// may see; verified by how the requester proved who they are; due one month after receipt,
/// extended once by up to two months with a reason; completed (after verification) or rejected,
/// each with a record of what was done.
/// </summary>
public sealed class PrivacyRequests(MedlemDbContext db, TimeProvider clock)
{
    public const int MaxDescription = 2000;
    public const int MaxReason = 500;
    public const int MaxOutcome = 1000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Outcome<PrivacyRequest>> ReceiveAsync(int libraryId, Guid personId, RequestKind kind, RequestChannel channel, string? description, int? staffId, CancellationToken ct)
    {
        if (!await db.VisibleTo(libraryId).AnyAsync(p => p.Id == personId, ct))
        {
            return Outcome<PrivacyRequest>.Missing();
        }

        if (!Enum.IsDefined(kind) || !Enum.IsDefined(channel))
        {
            return Outcome<PrivacyRequest>.Invalid("Kind", "request.kind-unknown");
        }

        description = description?.Trim();
        if (description is { Length: > MaxDescription })
        {
            return Outcome<PrivacyRequest>.Invalid("Description", "request.too-long");
        }

        if (kind is RequestKind.Rectification or RequestKind.Objection && string.IsNullOrEmpty(description))
        {
            return Outcome<PrivacyRequest>.Invalid("Description", "request.description-required");
        }

        var request = new PrivacyRequest
        {
            Id = Guid.NewGuid(), LibraryId = libraryId, PersonId = personId, Kind = kind, Channel = channel, Status = RequestStatus.Received,
            ReceivedAt = clock.GetUtcNow(), DueOn = Today.AddMonths(1), Description = string.IsNullOrEmpty(description) ? null : description,
            ReceivedByStaffId = staffId,
        };
        db.PrivacyRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Outcome<PrivacyRequest>.Success(request);
    }

    public Task<Outcome<PrivacyRequest>> VerifyAsync(int libraryId, Guid id, RequestVerification how, CancellationToken ct) =>
        ChangeAsync(libraryId, id, r =>
        {
            if (r.Status != RequestStatus.Received)
            {
                return ("Status", "request.not-awaiting-verification");
            }

            if (how == RequestVerification.None || !Enum.IsDefined(how))
            {
                return ("Verification", "request.verification-required");
            }

            r.Verification = how;
            r.VerifiedAt = clock.GetUtcNow();
            r.Status = RequestStatus.Verified;
            return null;
        }, ct);

    /// <summary>Extends the deadline by two months, once, with the reason the requester is told (art. 12(3)).</summary>
    public Task<Outcome<PrivacyRequest>> ExtendAsync(int libraryId, Guid id, string? reason, CancellationToken ct) =>
        ChangeAsync(libraryId, id, r =>
        {
            reason = reason?.Trim();
            if (!r.IsOpen)
            {
                return ("Status", "request.closed");
            }

            if (r.ExtensionReason is not null)
            {
                return ("ExtensionReason", "request.already-extended");
            }

            if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
            {
                return ("ExtensionReason", "request.reason-required");
            }

            r.ExtensionReason = reason;
            r.DueOn = r.DueOn.AddMonths(2);
            return null;
        }, ct);

    /// <summary>Closes a request: completed (only once the identity is verified) or rejected, with what was done.</summary>
    public Task<Outcome<PrivacyRequest>> CloseAsync(int libraryId, Guid id, bool completed, string? outcome, int? staffId, CancellationToken ct) =>
        ChangeAsync(libraryId, id, r =>
        {
            outcome = outcome?.Trim();
            if (!r.IsOpen)
            {
                return ("Status", "request.closed");
            }

            if (completed && r.Status != RequestStatus.Verified)
            {
                return ("Status", "request.verify-first");
            }

            if (string.IsNullOrEmpty(outcome) || outcome.Length > MaxOutcome)
            {
                return ("Outcome", "request.outcome-required");
            }

            r.Status = completed ? RequestStatus.Completed : RequestStatus.Rejected;
            r.Outcome = outcome;
            r.ClosedAt = clock.GetUtcNow();
            r.ClosedByStaffId = staffId;
            return null;
        }, ct);

    public Task<Outcome<PrivacyRequest>> ReceiptGivenAsync(int libraryId, Guid id, CancellationToken ct) =>
        ChangeAsync(libraryId, id, r =>
        {
            r.ReceiptGivenAt ??= clock.GetUtcNow();
            return null;
        }, ct);

    public Task<PrivacyRequest?> FindAsync(int libraryId, Guid id, CancellationToken ct) =>
        db.PrivacyRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.LibraryId == libraryId, ct);

    /// <summary>The library's requests, the open ones first by due date.</summary>
    public async Task<IReadOnlyList<PrivacyRequest>> QueueAsync(int libraryId, bool openOnly, CancellationToken ct)
    {
        var requests = await db.PrivacyRequests.AsNoTracking()
            .Where(r => r.LibraryId == libraryId && (!openOnly || r.Status == RequestStatus.Received || r.Status == RequestStatus.Verified))
            .ToListAsync(ct);
        return [.. requests.OrderBy(r => r.IsOpen ? 0 : 1).ThenBy(r => r.DueOn).ThenBy(r => r.ReceivedAt)];
    }

    private async Task<Outcome<PrivacyRequest>> ChangeAsync(int libraryId, Guid id, Func<PrivacyRequest, (string Field, string Code)?> change, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.SingleOrDefaultAsync(r => r.Id == id && r.LibraryId == libraryId, ct);
        if (request is null)
        {
            return Outcome<PrivacyRequest>.Missing();
        }

        if (change(request) is { } error)
        {
            return Outcome<PrivacyRequest>.Invalid(error.Field, error.Code);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<PrivacyRequest>.Success(request);
    }
}
