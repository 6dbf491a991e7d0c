using Medlem.Core.Privacy.Restriction;
using Medlem.Web.Infrastructure;

namespace Medlem.Web.Features.Privacy.Restriction;

public sealed record LimitRequest(ProcessingLimit Limit);

public sealed record LegalHoldRequest(LegalHoldKind Kind, string? Reference, decimal? Amount);

/// <summary>A membership's processing limit as the API shows it.</summary>
public sealed record LimitDto(Guid MembershipId, ProcessingLimit Limit, DateTimeOffset? LimitedAt);

public sealed record LegalHoldDto(long Id, Guid MembershipId, LegalHoldKind Kind, string Reference, decimal? Amount, DateTimeOffset CreatedAt, DateTimeOffset? SettledAt)
{
    public static LegalHoldDto From(LegalHold hold) => new(hold.Id, hold.MembershipId, hold.Kind, hold.Reference, hold.Amount, hold.CreatedAt, hold.SettledAt);
}

/// <summary>
/// /api/v1/memberships/{id}/restriction and /holds: restriction and objection are data-subject
/// rights, handled by those who handle requests; legal holds (an unpaid fee, an open loan) come
/// from the desk or the library system's integration, with the desk's rights.
/// </summary>
public static class RestrictionApi
{
    public static RouteGroupBuilder MapRestriction(this RouteGroupBuilder api)
    {
        var memberships = api.MapGroup("/memberships/{id:guid}").WithTags("Privacy").ProducesProblem(StatusCodes.Status404NotFound);

        memberships.MapPost("/restriction", async (HttpContext context, Guid id, LimitRequest request, Restrictions restrictions, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await restrictions.LimitAsync(context.Staff().LibraryId, id, request.Limit, ct), Limit, texts))
            .RequireAuthorization(StaffPolicies.HandlePrivacyRequests)
            .WithSummary("Restrict the membership's processing (Restricted, art. 18) or record an objection to statistics (ObjectedToStatistics, art. 21).");

        memberships.MapDelete("/restriction", async (HttpContext context, Guid id, Restrictions restrictions, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await restrictions.LiftAsync(context.Staff().LibraryId, id, ct), Limit, texts))
            .RequireAuthorization(StaffPolicies.HandlePrivacyRequests)
            .WithSummary("Lift a restriction or withdraw an objection; an erasure waiting for a hold cannot be lifted.");

        memberships.MapPost("/holds", async (HttpContext context, Guid id, LegalHoldRequest request, Restrictions restrictions, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await restrictions.AddHoldAsync(context.Staff().LibraryId, id, request.Kind, request.Reference, request.Amount, ct), LegalHoldDto.From, texts))
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .WithSummary("Record something the library must keep the membership for (an unpaid replacement fee, an open loan).");

        api.MapPost("/holds/{holdId:long}/settle", async (HttpContext context, long holdId, Restrictions restrictions, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await restrictions.SettleHoldAsync(context.Staff().LibraryId, holdId, ct), LegalHoldDto.From, texts))
            .WithTags("Privacy")
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Settle a hold; when it was the last one of an erasure that waited for it, the erasure is completed now.");

        return api;
    }

    private static LimitDto Limit(Core.Members.Membership membership) => new(membership.Id, membership.Limit, membership.LimitedAt);
}
