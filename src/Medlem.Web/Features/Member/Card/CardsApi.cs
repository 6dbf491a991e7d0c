using System.Globalization;
using Medlem.Core.Members;
using Medlem.Core.Members.Cards;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medlem.Web.Features.Member.Card;

/// <summary>The token a desk scanner read from the QR code on a member's card page.</summary>
public sealed record VerifyCardRequest(string? Token);

/// <summary>
/// What a desk learns from a card: whether the membership is in force, its status, type and
/// benefits. Never the holder's name, birth date or card number: the person is standing at the
/// desk, and the library system finds them by the barcode if the desk needs more.
/// </summary>
public sealed record CardVerificationDto(
    bool InForce, MembershipStatus Status, string MembershipTypeCode, string MembershipType, IReadOnlyList<MembershipBenefits> Benefits);

/// <summary>POST /api/v1/cards/verify: a desk scanner checks the QR token of a member's digital card.</summary>
public static partial class CardsApi
{
    /// <summary>RFC 9457 problem types, so a scanner can tell the refusals apart without reading the title.</summary>
    public const string InvalidTokenType = "urn:medlem:problem:card-token-invalid";
    public const string ExpiredTokenType = "urn:medlem:problem:card-token-expired";
    public const string CardNotActiveType = "urn:medlem:problem:card-not-active";
    public const string CardNotFoundType = "urn:medlem:problem:card-not-found";

    public static RouteGroupBuilder MapCards(this RouteGroupBuilder api)
    {
        api.MapPost("/cards/verify", VerifyAsync)
            .WithTags("Cards")
            .RequireAuthorization(StaffPolicies.VerifyCards)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Check the QR token of a member's digital card: status, membership type and benefits only.")
            .WithDescription(
                "The token is the text of the QR code on the member's card page; it works for a few minutes (5 by default). " +
                "400 `" + InvalidTokenType + "` for a forged, changed or unreadable token, 400 `" + ExpiredTokenType + "` for an expired one, " +
                "404 `" + CardNotFoundType + "` for a card that is not this library's, 409 `" + CardNotActiveType + "` for a card reported lost or blocked. " +
                "The answer never names the holder. Each successful check is written to the audit trail.");
        return api;
    }

    private static async Task<Results<Ok<CardVerificationDto>, ProblemHttpResult>> VerifyAsync(
        HttpContext context, VerifyCardRequest request, CardTokens tokens, CheckCard check, AuditTrail audit, JsonTexts texts,
        ILogger<CardTokens> log, CancellationToken ct)
    {
        var staff = context.Staff();
        var token = tokens.Read(request.Token);
        if (token.State != CardTokenState.Valid)
        {
            CardLog.Refused(log, staff.LibraryId, token.State);
            return token.State == CardTokenState.Expired
                ? Problem(StatusCodes.Status400BadRequest, ExpiredTokenType, texts["cards.verify.expired"])
                : Problem(StatusCodes.Status400BadRequest, InvalidTokenType, texts["cards.verify.invalid"]);
        }

        // Another library's card is not found, like every record of another library: without
        // reading the register, since the token already says whose card it is.
        var found = token.Content!.LibraryId == staff.LibraryId
            ? await check.RunAsync(staff.LibraryId, token.Content.CardId, ct)
            : CardCheck.NotFound;
        if (found.Result == CardCheckResult.NotFound)
        {
            return Problem(StatusCodes.Status404NotFound, CardNotFoundType, texts["cards.verify.not-found"]);
        }

        await audit.RecordAsync(staff.Actor, AuditAction.Read, AuditPurposes.ApiCardsVerify, new AuditSubject(found.PersonId, found.MembershipId), ct);
        if (found.Result == CardCheckResult.CardNotActive)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, type: CardNotActiveType, title: texts["cards.verify.not-active"],
                extensions: new Dictionary<string, object?> { ["cardStatus"] = found.CardStatus.ToString() });
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nb";
        return TypedResults.Ok(new CardVerificationDto(
            found.Status is MembershipStatus.New or MembershipStatus.Active or MembershipStatus.Passive,
            found.Status,
            found.TypeCode,
            language == "en" ? found.TypeNameEn : found.TypeNameNb,
            Enum.GetValues<MembershipBenefits>().Where(b => b != MembershipBenefits.None && found.Benefits.HasFlag(b)).ToList()));
    }

    private static ProblemHttpResult Problem(int status, string type, string title) =>
        TypedResults.Problem(statusCode: status, type: type, title: title);
}

/// <summary>Refused card checks, for operators: the library and the kind of refusal, never the token.</summary>
public static partial class CardLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Card check refused at library {LibraryId}: token {State}")]
    public static partial void Refused(ILogger log, int libraryId, CardTokenState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card {CardId} reported lost by its holder; new card {NewCardId}")]
    public static partial void ReportedLost(ILogger log, int cardId, int newCardId);
}
