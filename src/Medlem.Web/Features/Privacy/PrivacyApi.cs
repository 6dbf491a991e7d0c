using Medlem.Core.Privacy.Access;
using Medlem.Core.Privacy.Erasure;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medlem.Web.Features.Privacy;

/// <summary>/api/v1/members/{id}/export and /erase: the access export and the erasure of a member of the caller's library.</summary>
public static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacy(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Privacy");

        members.MapGet("/{id:guid}/export", async Task<Results<Ok<AccessExportDocument>, ProblemHttpResult>> (
                HttpContext context, Guid id, AccessExport export, JsonTexts texts, CancellationToken ct) =>
                await export.RunAsync(context.Staff().LibraryId, id, ct) is { } document
                    ? TypedResults.Ok(document)
                    : ApiResults.NotFound(texts))
            .RequireAuthorization(StaffPolicies.HandlePrivacyRequests)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Access export (GDPR art. 15): everything this library holds about a person, with the activity linked through their pseudonyms.")
            .WithDescription("The national identity number is masked. The audit section says `not-yet-recorded` until the audit trail exists.");

        members.MapPost("/{id:guid}/erase", async Task<Results<Ok<ErasureResult>, ProblemHttpResult>> (
                HttpContext context, Guid id, ErasePerson erasure, JsonTexts texts, ILogger<ErasePerson> log, CancellationToken ct) =>
            {
                var outcome = await erasure.RunAsync(context.Staff().LibraryId, id, ct);
                switch (outcome.Status)
                {
                    case ErasureStatus.NotFound:
                        return ApiResults.NotFound(texts);
                    case ErasureStatus.Held:
                        return TypedResults.Problem(
                            statusCode: StatusCodes.Status409Conflict, title: texts["erasure.held"],
                            extensions: new Dictionary<string, object?> { ["holds"] = outcome.Holds });
                    default:
                        ErasureLog.Done(log, outcome.Result!);
                        return TypedResults.Ok(outcome.Result!);
                }
            })
            .RequireAuthorization(StaffPolicies.HandlePrivacyRequests)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Erasure (GDPR art. 17): erase a person from this library; returns, once, what the library system must erase.")
            .WithDescription("Deletes this library's memberships of the person, their cards and library-system ids, the person when no other library holds a membership, and breaks the pseudonym link in the statistics store. 409 when something the law requires to keep holds it: the memberships are then restricted (ErasurePending) and erased when the last hold is settled.");

        return api;
    }
}

/// <summary>What an erasure did, for operators: counts only, never whom.</summary>
public static partial class ErasureLog
{
    public static void Done(ILogger log, ErasureResult result) =>
        Erased(log, result.MembershipsErased, result.PersonErased, result.PseudonymLinksBroken, result.ImportErrorsRedacted, result.Webhook);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure: {Memberships} memberships, person erased {PersonErased}, {Links} pseudonym links broken, {Redacted} import errors redacted, webhook {Webhook}")]
    private static partial void Erased(ILogger log, int memberships, bool personErased, int links, int redacted, WebhookDelivery webhook);
}
