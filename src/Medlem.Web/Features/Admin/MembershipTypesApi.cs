using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Admin;

public sealed record MembershipTypeDto(
    int Id, string Code, string NameNb, string NameEn, int? MinAge, int? MaxAge, VerificationLevel RequiredVerification,
    MembershipBenefits Benefits, bool ForInstitutions, bool Active)
{
    public static MembershipTypeDto From(MembershipType t) =>
        new(t.Id, t.Code, t.NameNb, t.NameEn, t.MinAge, t.MaxAge, t.RequiredVerification, t.Benefits, t.ForInstitutions, t.Active);
}

/// <summary>/api/v1/membership-types: the caller's library's membership types; administrators change them.</summary>
public static class MembershipTypesApi
{
    public static RouteGroupBuilder MapMembershipTypes(this RouteGroupBuilder api)
    {
        var types = api.MapGroup("/membership-types").WithTags("Membership types");

        types.MapGet("/", async Task<Ok<List<MembershipTypeDto>>> (HttpContext context, MedlemDbContext db, CancellationToken ct) =>
            {
                var libraryId = context.Staff().LibraryId;
                var list = await db.MembershipTypes.Where(t => t.LibraryId == libraryId).OrderBy(t => t.Code).ToListAsync(ct);
                return TypedResults.Ok(list.Select(MembershipTypeDto.From).ToList());
            })
            .RequireAuthorization(StaffPolicies.AnyStaff)
            .WithSummary("List this library's membership types.");

        types.MapPost("/", async Task<Results<Created<MembershipTypeDto>, ValidationProblem>> (
                HttpContext context, MembershipTypeInput input, ConsortiumCommands commands, JsonTexts texts, CancellationToken ct) =>
            {
                var outcome = await commands.SaveMembershipTypeAsync(context.Staff().LibraryId, null, input, ct);
                return outcome.Succeeded
                    ? TypedResults.Created($"/api/v1/membership-types/{outcome.Value!.Id}", MembershipTypeDto.From(outcome.Value))
                    : ApiResults.Invalid(outcome.Errors, texts);
            })
            .RequireAuthorization(StaffPolicies.Administer)
            .WithSummary("Add a membership type.");

        types.MapPut("/{id:int}", async (HttpContext context, int id, MembershipTypeInput input, ConsortiumCommands commands, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await commands.SaveMembershipTypeAsync(context.Staff().LibraryId, id, input, ct), MembershipTypeDto.From, texts))
            .RequireAuthorization(StaffPolicies.Administer)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a membership type. Existing memberships keep it; set active=false to stop offering it.");

        return api;
    }
}
