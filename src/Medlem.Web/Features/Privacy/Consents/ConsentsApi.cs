using System.Globalization;
using Medlem.Core.Privacy.Consents;
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

        consents.MapGet("", async Task<Results<Ok<IReadOnlyList<ConsentStateDto>>, ProblemHttpResult>> (HttpContext context, Guid id, Core.Privacy.Consents.Consents service, JsonTexts texts, CancellationToken ct) =>
                await service.StatesAsync(context.Staff().LibraryId, id, ct) is { } states
                    ? TypedResults.Ok<IReadOnlyList<ConsentStateDto>>([.. states.Select(Dto)])
                    : ApiResults.NotFound(texts))
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithSummary("Every purpose's consent for the membership: off until given; a consent to a text that has changed materially since is asked again.");

        consents.MapGet("/history", async Task<Results<Ok<IReadOnlyList<ConsentRecordDto>>, ProblemHttpResult>> (HttpContext context, Guid id, Core.Privacy.Consents.Consents service, JsonTexts texts, CancellationToken ct) =>
                await service.HistoryAsync(context.Staff().LibraryId, id, ct) is { } history
                    ? TypedResults.Ok<IReadOnlyList<ConsentRecordDto>>([.. history.Select(ConsentRecordDto.From)])
                    : ApiResults.NotFound(texts))
            .RequireAuthorization(StaffPolicies.ReadMembers)
            .WithSummary("Every giving and withdrawal, newest first.");

        consents.MapPut("/{purpose}", async (HttpContext context, Guid id, ConsentPurpose purpose, ConsentChangeRequest request, Core.Privacy.Consents.Consents service, JsonTexts texts, CancellationToken ct) =>
                ApiResults.From(await service.SetAsync(context.Staff().LibraryId, id, purpose, request.Given, request.TextVersion,
                    new ConsentAct(ConsentChannel.Api, request.GuardianId is null ? ConsentActor.Staff : ConsentActor.Guardian, request.GuardianId, context.Staff().StaffId), ct),
                    ConsentRecordDto.From, texts))
            .RequireAuthorization(StaffPolicies.WriteMembers)
            .WithSummary("Record a consent given or withdrawn on the member's word (or, for a child under 13, a guardian's). Withdrawing the reading history deletes the kept titles at once.");
        return api;
    }

    public static ConsentStateDto Dto(ConsentState s) => new(
        s.Purpose, s.Given, s.NeedsRenewal, s.Text.Version, s.Text.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
        s.Latest is null ? null : ConsentRecordDto.From(s.Latest));
}
