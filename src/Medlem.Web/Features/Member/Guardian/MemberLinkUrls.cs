namespace Medlem.Web.Features.Member.Guardian;

/// <summary>
/// Absolute addresses for links in member mail, from <c>Medlem:Members:PublicBaseUrl</c> (the members'
/// site as people reach it, e.g. <c>https://medlem.bibliotek.no</c>). A link built from the
/// request's Host header could be pointed elsewhere by whoever sends the request, so in
/// Production the setting is required; while developing or testing the request's own address is
/// used when it is missing.
/// </summary>
public sealed class MemberLinkUrls(IConfiguration configuration, IHttpContextAccessor http, IHostEnvironment environment)
{
    public const string PublicUrlKey = "Medlem:Members:PublicBaseUrl";

    public string Absolute(string pathAndQuery)
    {
        // Read on every call, not bound once: the address can be set after start (a test learns its port then).
        var configured = configuration[PublicUrlKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + pathAndQuery;
        }

        var request = http.HttpContext?.Request;
        if (request is null || environment.IsProduction())
        {
            throw new InvalidOperationException($"{PublicUrlKey} must be set to the members' site address, for the links in member mail.");
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }
}
