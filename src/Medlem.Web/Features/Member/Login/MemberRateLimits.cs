using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Medlem.Web.Features.Member.Login;

/// <summary>
/// Rate limits on the member pages that a stranger can post to (sign-in, sign-up, PIN reset):
/// posts per client address per minute. Page views are not counted, and the limit is generous
/// because a library's public computers share one address. Configured with
/// <c>Medlem:Members:PostsPerMinute</c> (default 30).
/// </summary>
public static class MemberRateLimits
{
    public const string SignIn = "member-sign-in";

    public static IServiceCollection AddMemberRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = PostsPerMinute(context), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("views"));
        });
        return services;
    }

    private static int PostsPerMinute(HttpContext context) =>
        context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Medlem:Members:PostsPerMinute", 30);
}
