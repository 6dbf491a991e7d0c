using System.Net;
using Medlem.Core.Activity;
using Medlem.Core.Consortium;
using Medlem.Web.Features.Imports;
using Medlem.Web.Features.Member;
using Medlem.Web.Infrastructure;
using Medlem.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Account;

/// <summary>
/// Every endpoint and page, enumerated from the running application rather than listed by
/// hand, is checked for every role: anonymous callers are refused, and a role gets in exactly
/// when the endpoint's policies allow it (StaffPolicies.Roles is the definition). Endpoints for
/// connected systems (the API key policy) refuse every staff cookie: only a key gets in.
/// </summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private static readonly string[] PublicPaths =
    [
        "/health", "/openapi/{documentName}.json", "/scalar/{documentName?}", "/language", "/Account/Login", "/Account/Logout", "/Account/Denied", "/Error", "/Status/{code:int}",
        // The members' front door: sign-up and its confirmation link, sign-in, the PIN reset and its link.
        "/bli-medlem", "/bli-medlem/sjekk-e-post", "/bekreft-epost", "/glemt-pin", "/ny-pin", "/logg-inn", "/logg-ut",
        // Electronic ID for strangers (start, error, unknown person) and the guardian's approval link.
        "/elektronisk-id", "/elektronisk-id/feil", "/elektronisk-id/ukjent", "/foresatt/godkjenn",
    ];

    private readonly MedlemApplication _app = new();
    private readonly Dictionary<StaffRoles, HttpClient> _clients = [];

    public async ValueTask InitializeAsync()
    {
        await TestConsortium.SeedAsync(_app);
        foreach (var role in Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None))
        {
            _clients[role] = await StaffClient.LoginAsync(_app, "stavanger", role);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryProtectedEndpoint_RefusesAnonymous_AndAdmitsExactlyTheRolesOfItsPolicies()
    {
        var endpoints = ProtectedEndpoints();
        Assert.True(endpoints.Count >= 20, $"Only {endpoints.Count} endpoints found; the enumeration is broken.");
        var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var response = await anonymous.SendAsync(endpoint.Request());
            if (!endpoint.IsRefusal(response, anonymousCaller: true))
            {
                failures.Add($"anonymous {endpoint}: {response.StatusCode}");
            }

            foreach (var (role, client) in _clients)
            {
                var allowed = !endpoint.IsForApiKeys && !endpoint.IsForMembers && endpoint.Policies.All(p => (StaffPolicies.Roles[p] & role) != 0);
                var answer = await client.SendAsync(endpoint.Request());
                if (allowed == endpoint.IsRefusal(answer, anonymousCaller: false))
                {
                    failures.Add($"{role} {endpoint}: {answer.StatusCode} {answer.Headers.Location} (expected {(allowed ? "admitted" : "refused")})");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void EveryEndpoint_IsEitherPublicOnPurpose_OrHasAStaffPolicy()
    {
        var unprotected = AllRouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Select(e => e.RoutePattern.RawText)
            .Where(p => !PublicPaths.Contains("/" + p?.TrimStart('/')))
            .ToList();
        Assert.Empty(unprotected);
    }

    [Fact]
    public void EveryAnonymousMemberPage_IsListedAsPublicOnPurpose()
    {
        // A page of the members' site is for signed-in members unless its model says [AllowAnonymous];
        // those strangers may open are listed above, so a new one is a decision, not an accident.
        var anonymous = AllRouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == MemberPolicies.Member))
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Contains("/bli-medlem", anonymous);
        Assert.True(anonymous.All(PublicPaths.Contains), "Anonymous member pages not listed in PublicPaths: " + string.Join(", ", anonymous.Where(p => !PublicPaths.Contains(p))));
    }

    [Fact]
    public async Task ImportRunOfAnotherLibrary_IsNeverShown_ToAnyRoleOfThisLibrary()
    {
        // A Bergen run with a rejected value: no Stavanger role may see the run, its errors or the value.
        var bergenRunId = await _app.WithDbAsync(async db =>
        {
            var bergen = await db.Libraries.SingleAsync(l => l.Code == "bergen");
            var run = new ImportRun
            {
                LibraryId = bergen.Id, Kind = ImportKind.Loans, Channel = "web", FileName = "bergen-utlan.csv", FileHash = "", RunBy = "analyst.bergen",
                State = ImportState.Completed, StartedAt = MedlemApplication.Now, RowsRead = 1, RowsRejected = 1,
                Errors = [new ImportRowError { Line = 2, Column = "card_number", Value = "BERGHEMMELIG", Reason = ImportReasons.Card }],
            };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

        var failures = new List<string>();
        foreach (var (role, client) in _clients)
        {
            foreach (var url in new[] { $"/Imports/Details/{bergenRunId}", $"/Imports/Details/{bergenRunId}?handler=Errors", "/Imports" })
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var shown = body.Contains("BERGHEMMELIG", StringComparison.Ordinal) || body.Contains("bergen-utlan.csv", StringComparison.Ordinal);
                if (shown || (url != "/Imports" && response.StatusCode == HttpStatusCode.OK))
                {
                    failures.Add($"{role} {url}: {response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private List<RouteEndpoint> AllRouteEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private List<ProtectedEndpoint> ProtectedEndpoints() =>
        AllRouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => new
            {
                Endpoint = e,
                Policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList(),
            })
            .Where(e => e.Policies.Count > 0)
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ProtectedEndpoint(method, e.Endpoint.RoutePattern.RawText!, e.Policies)))
            .ToList();

    private sealed record ProtectedEndpoint(string Method, string Pattern, IReadOnlyList<string> Policies)
    {
        private bool IsApi => Pattern.StartsWith("/api", StringComparison.Ordinal) || Pattern.StartsWith("api", StringComparison.Ordinal);

        public bool IsForApiKeys => Policies.Contains(ApiKeyAuthentication.Policy);

        /// <summary>The member pages: a staff cookie is no member sign-in, so staff are sent to the member login like strangers.</summary>
        public bool IsForMembers => Policies.Contains(MemberPolicies.Member);

        public HttpRequestMessage Request()
        {
            var path = "/" + Pattern.TrimStart('/')
                .Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
                .Replace("{id:int}", "0", StringComparison.Ordinal)
                .Replace("{id:long}", "0", StringComparison.Ordinal)
                .Replace("{holdId:long}", "0", StringComparison.Ordinal)
                .Replace("{kind}", "loans", StringComparison.Ordinal)
                .Replace("{id}", Guid.Empty.ToString(), StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(Method), path);
            if (Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            return request;
        }

        /// <summary>An API refuses with 401/403 (401 for every caller without a key, where a key is asked); a page redirects to the login page (anonymous) or the access-denied page.</summary>
        public bool IsRefusal(HttpResponseMessage response, bool anonymousCaller)
        {
            if (IsForApiKeys)
            {
                return response.StatusCode == HttpStatusCode.Unauthorized;
            }

            if (IsApi)
            {
                return response.StatusCode == (anonymousCaller ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
            }

            var location = response.Headers.Location?.OriginalString ?? "";
            if (IsForMembers)
            {
                return response.StatusCode == HttpStatusCode.Redirect && location.Contains(MemberPrincipal.LoginPath, StringComparison.Ordinal);
            }

            return response.StatusCode == HttpStatusCode.Redirect
                && location.Contains(anonymousCaller ? "/Account/Login" : "/Account/Denied", StringComparison.Ordinal);
        }

        public override string ToString() => $"{Method} {Pattern} [{string.Join(", ", Policies)}]";
    }
}
