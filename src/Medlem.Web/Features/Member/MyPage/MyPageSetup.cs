using Medlem.Core.Members.MyPage;

// In the member site's namespace, beside AddMemberSite, so Program.cs needs one line and no using.
namespace Medlem.Web.Features.Member;

/// <summary>The services behind "Min side": the member's own view of Core, scoped to the signed-in person.</summary>
public static class MyPageSetup
{
    public static IServiceCollection AddMyPage(this IServiceCollection services)
    {
        services.AddScoped<MyMemberships>();
        services.AddScoped<MyEvents>();
        services.AddScoped<MyActivity>();
        services.AddScoped<MyConsents>();
        services.AddScoped<MyRequests>();
        services.AddScoped<MyData>();
        services.AddScoped<CorrectMyDetails>();
        services.AddScoped<MyPageOverview>();
        return services;
    }
}
