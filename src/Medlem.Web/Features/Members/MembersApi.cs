using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Medlem.Web.Features.Members;

/// <summary>/api/v1/members: find, read, register and correct members of the caller's library.</summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembers(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");

        members.MapGet("/", async Task<Ok<IReadOnlyList<MemberHit>>> (HttpContext context, FindMembers find, AuditTrail audit, string? q, CancellationToken ct) =>
            {
                var staff = context.Staff();
                var hits = await find.RunAsync(staff.LibraryId, q, ct);
                await audit.RecordAsync(staff.Actor, AuditAction.Search, AuditPurposes.ApiMembersSearch, AuditSubject.Of(hits), ct);
                return TypedResults.Ok(hits);
            })
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithSummary("Find members by name, card number, e-mail or mobile (at most 50).");

        members.MapGet("/{id:guid}", async Task<Results<Ok<MemberDto>, ProblemHttpResult>> (
                HttpContext context, Guid id, GetMember get, AuditTrail audit, JsonTexts texts, CancellationToken ct) =>
                await ReadAsync(context, id, get, audit, AuditAction.Read, AuditPurposes.ApiMembersGet, ct) is { } view
                    ? TypedResults.Ok(MemberDto.From(view))
                    : ApiResults.NotFound(texts))
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithName("GetMember")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read a member: details, memberships of this library with derived status and stage, cards, guardians.");

        members.MapPost("/", async Task<Results<Created<MemberDto>, ValidationProblem>> (
                HttpContext context, RegisterMemberRequest request, RegisterMember register, GetMember get, AuditTrail audit, JsonTexts texts, CancellationToken ct) =>
            {
                var libraryId = context.Staff().LibraryId;
                var outcome = await register.RunAsync(libraryId, request.ToInput(), ct);
                if (!outcome.Succeeded)
                {
                    return ApiResults.Invalid(outcome.Errors, texts);
                }

                var view = await ReadAsync(context, outcome.Value!.Id, get, audit, AuditAction.Create, AuditPurposes.ApiMembersCreate, ct);
                return TypedResults.Created($"/api/v1/members/{outcome.Value.Id}", MemberDto.From(view!));
            })
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .WithSummary("Register a person with a membership of this library and a card, in one transaction.");

        members.MapPut("/{id:guid}", async Task<Results<Ok<MemberDto>, ProblemHttpResult, ValidationProblem>> (
                HttpContext context, Guid id, MemberDetailsRequest request, UpdateMemberDetails update, GetMember get, AuditTrail audit, JsonTexts texts, CancellationToken ct) =>
            {
                var libraryId = context.Staff().LibraryId;
                var outcome = await update.RunAsync(libraryId, id, request.ToInput(), ct);
                if (!outcome.Succeeded)
                {
                    return outcome.NotFound ? ApiResults.NotFound(texts) : ApiResults.Invalid(outcome.Errors, texts);
                }

                return TypedResults.Ok(MemberDto.From((await ReadAsync(context, id, get, audit, AuditAction.Update, AuditPurposes.ApiMembersUpdate, ct))!));
            })
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Correct a member's details.");

        return api;
    }

    /// <summary>Reads the member as the caller's library sees them and, when found, records the read before it is returned.</summary>
    private static async Task<MemberView?> ReadAsync(
        HttpContext context, Guid id, GetMember get, AuditTrail audit, AuditAction action, string purpose, CancellationToken ct)
    {
        var staff = context.Staff();
        var view = await get.RunAsync(staff.LibraryId, id, ct);
        if (view is not null)
        {
            await audit.RecordAsync(staff.Actor, action, purpose, AuditSubject.Of(view), ct);
        }

        return view;
    }
}
