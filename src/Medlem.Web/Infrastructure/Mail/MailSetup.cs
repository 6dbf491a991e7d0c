using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Medlem.Web.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>Member mail for the web host and the command line (whose retention run sends notices); safe to call twice.</summary>
    public static IServiceCollection AddMemberMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.TryAddScoped<MemberMail>();
        return services;
    }
}
