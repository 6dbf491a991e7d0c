using Medlem.Core.Members;
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

        members.MapGet("/", async Task<Ok<IReadOnlyList<MemberHit>>> (HttpContext context, FindMembers find, string? q, CancellationToken ct) =>
                TypedResults.Ok(await find.RunAsync(context.Staff().LibraryId, q, ct)))
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithSummary("Find members by name, card number, e-mail or mobile (at most 50).");

        members.MapGet("/{id:guid}", async Task<Results<Ok<MemberDto>, ProblemHttpResult>> (
                HttpContext context, Guid id, GetMember get, JsonTexts texts, CancellationToken ct) =>
                await get.RunAsync(context.Staff().LibraryId, id, ct) is { } view
                    ? TypedResults.Ok(MemberDto.From(view))
                    : ApiResults.NotFound(texts))
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithName("GetMember")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read a member: details, memberships of this library with derived status and stage, cards, guardians.");

        members.MapPost("/", async Task<Results<Created<MemberDto>, ValidationProblem>> (
                HttpContext context, RegisterMemberRequest request, RegisterMember register, GetMember get, JsonTexts texts, CancellationToken ct) =>
            {
                var libraryId = context.Staff().LibraryId;
                var outcome = await register.RunAsync(libraryId, request.ToInput(), ct);
                if (!outcome.Succeeded)
                {
                    return ApiResults.Invalid(outcome.Errors, texts);
                }

                var view = await get.RunAsync(libraryId, outcome.Value!.Id, ct);
                return TypedResults.Created($"/api/v1/members/{outcome.Value.Id}", MemberDto.From(view!));
            })
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .WithSummary("Register a person with a membership of this library and a card, in one transaction.");

        members.MapPut("/{id:guid}", async Task<Results<Ok<MemberDto>, ProblemHttpResult, ValidationProblem>> (
                HttpContext context, Guid id, MemberDetailsRequest request, UpdateMemberDetails update, GetMember get, JsonTexts texts, CancellationToken ct) =>
            {
                var libraryId = context.Staff().LibraryId;
                var outcome = await update.RunAsync(libraryId, id, request.ToInput(), ct);
                if (!outcome.Succeeded)
                {
                    return outcome.NotFound ? ApiResults.NotFound(texts) : ApiResults.Invalid(outcome.Errors, texts);
                }

                return TypedResults.Ok(MemberDto.From((await get.RunAsync(libraryId, id, ct))!));
            })
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Correct a member's details.");

        return api;
    }
}
