using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Medlem.Web.Features.Member.Join;
using Medlem.Web.Features.Member.Guardian;
using Medlem.Web.Features.Member.Login;
using Medlem.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Medlem.Web.Features.Member;

/// <summary>
/// The members' side of Medlem: sign-up, sign-in and "Min side", under <c>Features/Member</c>,
/// with its own cookie, layout and policy. Every other page is for staff.
/// </summary>
public static class MemberSite
{
    public const string Folder = "/Member";

    public static bool IsMemberPage(string viewEnginePath) =>
        viewEnginePath.StartsWith(Folder + "/", StringComparison.Ordinal);

    /// <summary>The member pages' services: sign-in, credentials, rate limits.</summary>
    public static IServiceCollection AddMemberSite(this IServiceCollection services)
    {
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Core.Members.Accounts.MemberAccount>,
            Microsoft.AspNetCore.Identity.PasswordHasher<Core.Members.Accounts.MemberAccount>>();
        services.AddScoped<MemberSignIn>();
        services.AddScoped<MemberCredentials>();
        services.AddMemberRateLimits();
        services.AddMemberMail();
        services.AddMemberJoin();
        services.AddGuardians();
        return services;
    }

    public static AuthenticationBuilder AddMemberCookie(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(MemberPrincipal.Scheme, options =>
        {
            options.Cookie.Name = "medlem.member";
            options.Cookie.HttpOnly = true;
            // Lax, not Strict: a member who follows the e-mail link to confirm an address or
            // approve a child arrives from another site and must still be signed in.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = MemberPrincipal.LoginPath;
            options.AccessDeniedPath = MemberPrincipal.LoginPath;
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
        });

    public static AuthorizationBuilder AddMemberPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(MemberPolicies.Member, policy => policy
            .AddAuthenticationSchemes(MemberPrincipal.Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => MemberPrincipal.From(context.User) is not null));

    /// <summary>
    /// Staff pages need a staff sign-in; the member pages need a member sign-in (pages that
    /// strangers use, such as sign-up, allow anonymous callers in their own folder's setup).
    /// </summary>
    public static void AuthorizeStaffAndMemberPages(this PageConventionCollection conventions, string anyStaffPolicy)
    {
        conventions.AddFolderApplicationModelConvention("/", model =>
            model.EndpointMetadata.Add(new AuthorizeAttribute(IsMemberPage(model.ViewEnginePath) ? MemberPolicies.Member : anyStaffPolicy)));
    }
}
