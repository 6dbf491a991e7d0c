using Medlem.Core.Members;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Medlem.Web.Features.Members;

public sealed record ChangeTypeRequest(string? MembershipTypeCode);

public sealed record IssueCardRequest(string? Number, bool ReplaceActive);

public sealed record CardStatusRequest(CardStatus Status);

public sealed record BlockRequest(string? Reason);

public sealed record GuardianApprovalRequest(Guid GuardianId);

/// <summary>/api/v1/memberships and /api/v1/cards: the desk's changes to a membership and its cards.</summary>
public static class MembershipsApi
{
    public static RouteGroupBuilder MapMemberships(this RouteGroupBuilder api)
    {
        var memberships = api.MapGroup("/memberships").WithTags("Memberships").RequireAuthorization(StaffPolicies.WriteMembers)
            .ProducesProblem(StatusCodes.Status404NotFound);

        memberships.MapPut("/{id:guid}/type", async (HttpContext context, Guid id, ChangeTypeRequest request, MembershipCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.ChangeTypeAsync(context.Staff().LibraryId, id, request.MembershipTypeCode, ct), Summary(commands), texts))
            .WithSummary("Change the membership type; the member's age must fit the new type.");

        memberships.MapPost("/{id:guid}/cards", async (HttpContext context, Guid id, IssueCardRequest request, MembershipCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.IssueCardAsync(context.Staff().LibraryId, id, request.Number, request.ReplaceActive, ct), CardDto.From, texts))
            .WithSummary("Issue a card (a generated number unless one is given); replaceActive marks the active cards lost.");

        memberships.MapPost("/{id:guid}/block", async (HttpContext context, Guid id, BlockRequest request, MembershipCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.SetBlockAsync(context.Staff().LibraryId, id, blocked: true, request.Reason, ct), Summary(commands), texts))
            .WithSummary("Block the membership, with a reason.");

        memberships.MapDelete("/{id:guid}/block", async (HttpContext context, Guid id, MembershipCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.SetBlockAsync(context.Staff().LibraryId, id, blocked: false, null, ct), Summary(commands), texts))
            .WithSummary("Lift a block.");

        memberships.MapPost("/{id:guid}/identity-check", async (HttpContext context, Guid id, MembershipCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.VerifyIdentityAtDeskAsync(context.Staff().LibraryId, id, ct), Summary(commands), texts))
            .WithSummary("Record that staff checked an identity document at the desk.");

        memberships.MapPost("/{id:guid}/guardian-approval", async (HttpContext context, Guid id, GuardianApprovalRequest request, MembershipCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.ApproveAsGuardianAsync(context.Staff().LibraryId, id, request.GuardianId, ct), Summary(commands), texts))
            .WithSummary("Record a guardian's approval of a child's membership, given at the desk.");

        api.MapPut("/cards/{id:int}/status", async (HttpContext context, int id, CardStatusRequest request, MembershipCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.SetCardStatusAsync(context.Staff().LibraryId, id, request.Status, ct), CardDto.From, texts))
            .WithTags("Memberships")
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a card's status: Active, Lost or Blocked.");

        return api;
    }

    private static Func<Membership, MembershipSummaryDto> Summary(MembershipCommands commands) =>
        m => new MembershipSummaryDto(m.Id, m.MembershipType!.Code, m.Verification, commands.StatusOf(m), m.BlockReason);
}

/// <summary>A membership after a change: its derived status says whether the change put it in force.</summary>
public sealed record MembershipSummaryDto(Guid Id, string TypeCode, VerificationLevel Verification, MembershipStatus Status, string? BlockReason);
