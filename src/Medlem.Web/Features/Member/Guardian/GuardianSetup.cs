using Medlem.Core.Members.Guardians;

namespace Medlem.Web.Features.Member.Guardian;

/// <summary>The guardians' services: approval links and their mail, approving, and the guardian's own page.</summary>
public static class GuardianSetup
{
    public static IServiceCollection AddGuardians(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<MemberLinkUrls>();
        services.AddScoped<GuardianApprovalLinks>();
        services.AddScoped<ApproveChild>();
        services.AddScoped<GuardianChildren>();
        services.AddScoped<EndChildMembership>();
        services.AddScoped<RequestGuardianApproval>();
        return services;
    }
}
