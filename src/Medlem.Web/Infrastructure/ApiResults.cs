using Medlem.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medlem.Web.Infrastructure;

/// <summary>Turns a use case's outcome into the API's typed results: 200/201, 404 or a validation problem.</summary>
public static class ApiResults
{
    public static Results<Ok<TDto>, ProblemHttpResult, ValidationProblem> From<T, TDto>(
        Outcome<T> outcome, Func<T, TDto> map, JsonTexts texts)
    {
        if (outcome.NotFound)
        {
            return NotFound(texts);
        }

        return outcome.Errors.IsEmpty
            ? TypedResults.Ok(map(outcome.Value!))
            : Invalid(outcome.Errors, texts);
    }

    public static ValidationProblem Invalid(ValidationErrors errors, JsonTexts texts) =>
        TypedResults.ValidationProblem(ValidationMessages.Localise(errors, texts, camelCaseFields: true), title: texts["error.title"]);

    /// <summary>
    /// Not found, also for records of another library: saying "forbidden" would confirm that
    /// the person is a member somewhere else.
    /// </summary>
    public static ProblemHttpResult NotFound(JsonTexts texts) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: texts["error.not-found"]);

    /// <summary>The signed-in staff member; endpoints are only reachable through a staff policy, so this is never null there.</summary>
    public static StaffPrincipal Staff(this HttpContext context) =>
        StaffPrincipal.From(context.User) ?? throw new InvalidOperationException("Endpoint reached without a staff principal.");
}
