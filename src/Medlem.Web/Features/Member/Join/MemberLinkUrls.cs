using Microsoft.Extensions.Options;

namespace Medlem.Web.Features.Member.Join;

/// <summary>Where the links in member mail point, from <c>Medlem:Members:PublicBaseUrl</c>.</summary>
public sealed class MemberLinkOptions
{
    public const string Section = "Medlem:Members";

    /// <summary>
    /// The members' site as the public reaches it, e.g. <c>https://medlem.bibliotek.no</c>. Required
    /// in Production: without it the links are built from the request's Host header, which a
    /// stranger can set, and a reset link pointing at the stranger's site would hand them the token.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public static bool IsValidBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

/// <summary>Absolute links for mail: the configured public address, or (in development and tests) the request's own.</summary>
public sealed class MemberLinkUrls(IOptions<MemberLinkOptions> options)
{
    public const string ConfirmEmailPath = "/bekreft-epost";
    public const string ResetSecretPath = "/ny-pin";

    /// <summary>The guardian's approval page (built with the guardian feature).</summary>
    public const string GuardianApprovalPath = "/foresatt/godkjenn";

    public const string LoginPath = MemberPrincipal.LoginPath;
    public const string ForgotPath = "/glemt-pin";

    public string To(HttpRequest request, string path, string? token = null)
    {
        var configured = options.Value.PublicBaseUrl;
        var root = string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : configured.TrimEnd('/');
        return token is null ? root + path : $"{root}{path}?t={Uri.EscapeDataString(token)}";
    }
}
