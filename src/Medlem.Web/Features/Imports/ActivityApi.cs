using System.Globalization;
using System.Text.Json;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Imports;

/// <summary>What became of a batch. Rejected rows say where and why, never what they held: a value can be a card number.</summary>
public sealed record ActivityImportResult(
    long ImportId, ImportState State, long RowsRead, long RowsLoaded, long RowsDuplicate, long RowsRejected, long RowsUnmatched,
    long RowsAnonymous, IReadOnlyList<RejectedRow> Rejected);

/// <param name="Line">The row's position in the batch, from 1.</param>
/// <param name="Column">The field that was wrong, when one was.</param>
/// <param name="Reason">A stable code (<c>date.invalid</c>, <c>branch.unknown</c>, …).</param>
/// <param name="Message">The reason in the reader's language.</param>
public sealed record RejectedRow(long Line, string? Column, string Reason, string Message);

/// <summary>POST /api/v1/activity/{kind}: a connected system's batch of activity for its key's library.</summary>
public static class ActivityApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 64;

    public static RouteGroupBuilder MapActivity(this RouteGroupBuilder api)
    {
        api.MapPost("/activity/{kind}", PostAsync)
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .WithTags("Activity")
            .WithName("PostActivity")
            .Accepts<IReadOnlyList<Dictionary<string, JsonElement>>>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Import a batch of activity (loans, events, attendance, wifi, digital loans, visits, patron links) into the key's library.")
            .WithDescription(
                "Authenticated by the header X-Api-Key only; the key's library is the import's library. The body is a JSON array of " +
                "row objects with Medlem's field names (docs/api.md lists them per kind). Rows that cannot be used are rejected " +
                "and listed with their line (position in the array), column and reason, never their value. A repeated " +
                "Idempotency-Key (from the same key's source) returns the first import's result and loads nothing again.");
        return api;
    }

    private static async Task<Results<Ok<ActivityImportResult>, ProblemHttpResult>> PostAsync(
        string kind,
        [FromQuery] string? format,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        HttpContext context, ImportRunner runner, IStringLocalizer<Program> texts)
    {
        if (!ImportKinds.TryParse(kind, out var importKind))
        {
            return Problem(texts["import.api.unknown-kind"], texts["import.api.kinds", string.Join(", ", ImportKinds.Names)]);
        }

        if (!ImportFormats.TryParse(format ?? "medlem", out var importFormat))
        {
            return Problem(texts["import.api.unknown-format"], texts["import.api.formats"]);
        }

        if (idempotencyKey is not null && !IsUsableIdempotencyKey(idempotencyKey))
        {
            return Problem(texts["import.api.bad-idempotency-key"], null);
        }

        var bodyLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (context.Request.ContentLength > bodyLimit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: texts["import.api.too-large"]);
        }

        var (sourceId, libraryId, sourceName) = context.Source();
        // The importer reads its content synchronously, on a thread of its own.
        context.Features.Get<IHttpBodyControlFeature>()?.AllowSynchronousIO = true;
        var run = await runner.RunAsync(new ImportRequest
        {
            LibraryId = libraryId,
            Kind = importKind,
            Format = importFormat,
            Content = context.Request.Body,
            FileName = sourceName,
            Channel = ImportChannels.Api,
            RunBy = "api:" + sourceName,
            // Scoped to the source, so two systems of one library that both send "2026-11-28" do not get each other's import.
            IdempotencyKey = idempotencyKey is null ? "api:" + Guid.NewGuid().ToString("N") : string.Create(CultureInfo.InvariantCulture, $"source:{sourceId}:{idempotencyKey}"),
        });

        if (run.State != ImportState.Completed)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: texts["import.api.failed"],
                detail: ImportTexts.Failure(texts, run.Failure),
                extensions: new Dictionary<string, object?> { ["importId"] = run.Id, ["reason"] = ImportTexts.FailureCode(run.Failure) });
        }

        var rejected = run.Errors.OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Select(e => new RejectedRow(e.Line, e.Column, e.Reason, ImportTexts.Reason(texts, e.Reason)))
            .ToList();
        return TypedResults.Ok(new ActivityImportResult(
            run.Id, run.State, run.RowsRead, run.RowsLoaded, run.RowsDuplicate, run.RowsRejected, run.RowsUnmatched, run.RowsAnonymous, rejected));
    }

    private static ProblemHttpResult Problem(string title, string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static bool IsUsableIdempotencyKey(string key) =>
        key.Length is > 0 and <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and <= '~');
}
