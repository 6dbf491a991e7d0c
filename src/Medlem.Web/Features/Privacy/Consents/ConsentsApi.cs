using System.Globalization;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Privacy.Consents;
using Microsoft.EntityFrameworkCore;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medlem.Web.Features.Privacy.Consents;

/// <summary>A purpose's state: given or not, asked again after a material change, the text now in force, and the last change.</summary>
public sealed record ConsentStateDto(
    ConsentPurpose Purpose, bool Given, bool NeedsRenewal, int CurrentTextVersion, string Text, ConsentRecordDto? Latest);

/// <summary>One giving or withdrawal, as recorded.</summary>
public sealed record ConsentRecordDto(ConsentPurpose Purpose, bool Given, DateTimeOffset At, ConsentChannel Channel, int TextVersion, ConsentActor ActedBy, Guid? GuardianId)
{
    public static ConsentRecordDto From(ConsentRecord r) => new(r.Purpose, r.Given, r.At, r.Channel, r.TextVersion, r.ActedBy, r.GuardianId);
}

/// <summary>Give or withdraw: the text version the member saw; a guardian's id when a guardian acts for a child under 13.</summary>
public sealed record ConsentChangeRequest(bool Given, int TextVersion, Guid? GuardianId);

/// <summary>/api/v1/memberships/{id}/consents: a membership's consents, read by the desk, customer care and the DPO, changed by the desk and customer care.</summary>
public static class ConsentsApi
{
    public static RouteGroupBuilder MapConsents(this RouteGroupBuilder api)
    {
        var consents = api.MapGroup("/memberships/{id:guid}/consents").WithTags("Consents").ProducesProblem(StatusCodes.Status404NotFound);

        consents.MapGet("", async Task<Results<Ok<IReadOnlyList<ConsentStateDto>>, ProblemHttpResult>> (HttpContext context, Guid id, Core.Privacy.Consents.Consents service, AuditTrail audit, MedlemDbContext db, JsonTexts texts, CancellationToken ct) =>
            {
                if (await service.StatesAsync(context.Staff().LibraryId, id, ct) is not { } states)
                {
                    return ApiResults.NotFound(texts);
                }

                await audit.RecordAsync(context.Staff().Actor, AuditAction.Read, AuditPurposes.ApiConsentsGet, await SubjectAsync(db, context.Staff().LibraryId, id, ct), ct);
                return TypedResults.Ok<IReadOnlyList<ConsentStateDto>>([.. states.Select(Dto)]);
            })
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithSummary("Every purpose's consent for the membership: off until given; a consent to a text that has changed materially since is asked again.");

        consents.MapGet("/history", async Task<Results<Ok<IReadOnlyList<ConsentRecordDto>>, ProblemHttpResult>> (HttpContext context, Guid id, Core.Privacy.Consents.Consents service, JsonTexts texts, CancellationToken ct) =>
                await service.HistoryAsync(context.Staff().LibraryId, id, ct) is { } history
                    ? TypedResults.Ok<IReadOnlyList<ConsentRecordDto>>([.. history.Select(ConsentRecordDto.From)])
                    : ApiResults.NotFound(texts))
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithSummary("Every giving and withdrawal, newest first.");

        consents.MapPut("/{purpose}", async (HttpContext context, Guid id, ConsentPurpose purpose, ConsentChangeRequest request, Core.Privacy.Consents.Consents service, AuditTrail audit, MedlemDbContext db, JsonTexts texts, CancellationToken ct) =>
            {
                var staff = context.Staff();
                var outcome = await service.SetAsync(staff.LibraryId, id, purpose, request.Given, request.TextVersion,
                    new ConsentAct(ConsentChannel.Api, request.GuardianId is null ? ConsentActor.Staff : ConsentActor.Guardian, request.GuardianId, staff.StaffId), ct);
                if (outcome.Succeeded)
                {
                    await audit.RecordAsync(staff.Actor, AuditAction.Update, AuditPurposes.ApiConsentsUpdate, await SubjectAsync(db, staff.LibraryId, id, ct), ct);
                }

                return ApiResults.From(outcome, ConsentRecordDto.From, texts);
            })
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .WithSummary("Record a consent given or withdrawn on the member's word (or, for a child under 13, a guardian's). Withdrawing the reading history deletes the kept titles at once.");
        return api;
    }

    private static async Task<AuditSubject> SubjectAsync(MedlemDbContext db, int libraryId, Guid membershipId, CancellationToken ct) =>
        new(await db.Memberships.OfLibrary(libraryId).Where(m => m.Id == membershipId).Select(m => m.PersonId).SingleAsync(ct), membershipId);

    public static ConsentStateDto Dto(ConsentState s) => new(
        s.Purpose, s.Given, s.NeedsRenewal, s.Text.Version, s.Text.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
        s.Latest is null ? null : ConsentRecordDto.From(s.Latest));
}
