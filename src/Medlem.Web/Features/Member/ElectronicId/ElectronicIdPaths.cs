namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>The electronic-ID pages, for links and redirects.</summary>
public static class ElectronicIdPaths
{
    public const string Start = "/elektronisk-id";
    public const string Failed = "/elektronisk-id/feil";
    public const string Unknown = "/elektronisk-id/ukjent";
    public const string Confirmed = "/elektronisk-id/bekreftet";

    /// <summary>The error page for a code (a <c>error.*</c> text key without its prefix); codes name no one.</summary>
    public static string FailedWith(string code) => $"{Failed}?arsak={Uri.EscapeDataString(code)}";
}
