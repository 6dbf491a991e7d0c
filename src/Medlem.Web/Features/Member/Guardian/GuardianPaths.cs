namespace Medlem.Web.Features.Member.Guardian;

/// <summary>The guardian's pages, for links and redirects.</summary>
public static class GuardianPaths
{
    public const string Home = "/foresatt";
    public const string Approve = "/foresatt/godkjenn";

    public static string ApproveWith(string token) => $"{Approve}?t={Uri.EscapeDataString(token)}";

    public static string ApprovedFor(Guid membershipId) => $"/foresatt/godkjent?m={membershipId}";
}
