using Medlem.Core.Members.SignUp;

namespace Medlem.Web.Features.Member.Join;

/// <summary>
/// The message for a link that does not work, for the confirm or the reset flow: a text per
/// problem, what to do next, and an HTTP status that says the same to a machine. Nothing has
/// changed when this is shown.
/// </summary>
public sealed record LinkProblemView(string Flow, LinkProblem Problem)
{
    public const string ConfirmFlow = "confirm";
    public const string ResetFlow = "reset";

    /// <summary>The problems each flow can meet; each has a text <c>join.{flow}.problem.{problem}</c>.</summary>
    public static readonly IReadOnlyDictionary<string, LinkProblem[]> Possible = new Dictionary<string, LinkProblem[]>
    {
        [ConfirmFlow] = [LinkProblem.Unknown, LinkProblem.Expired, LinkProblem.Used, LinkProblem.OtherPerson, LinkProblem.AddressTaken],
        [ResetFlow] = [LinkProblem.Unknown, LinkProblem.Expired, LinkProblem.Used, LinkProblem.OtherPerson],
    };

    public string TextKey => TextKeyOf(Flow, Problem);

    public static string TextKeyOf(string flow, LinkProblem problem) => $"join.{flow}.problem.{Kebab(problem)}";

    public int StatusCode => Problem switch
    {
        LinkProblem.Expired or LinkProblem.Used => StatusCodes.Status410Gone,
        LinkProblem.OtherPerson => StatusCodes.Status403Forbidden,
        LinkProblem.AddressTaken => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string Kebab(LinkProblem problem) => problem switch
    {
        LinkProblem.OtherPerson => "other-person",
        LinkProblem.AddressTaken => "address-taken",
        _ => problem.ToString().ToLowerInvariant(),
    };
}
