using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Reset;

namespace Medlem.Web.Features.Member.Join;

/// <summary>The services of sign-up (/bli-medlem, /bekreft-epost) and reset (/glemt-pin, /ny-pin).</summary>
public static class JoinSetup
{
    public static IServiceCollection AddMemberJoin(this IServiceCollection services)
    {
        services.AddOptions<MemberLinkOptions>()
            .BindConfiguration(MemberLinkOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || MemberLinkOptions.IsValidBaseUrl(o.PublicBaseUrl),
                $"{MemberLinkOptions.Section}:PublicBaseUrl must be an absolute http(s) address without query.")
            .Validate<IHostEnvironment>((o, environment) => !environment.IsProduction() || !string.IsNullOrWhiteSpace(o.PublicBaseUrl),
                $"{MemberLinkOptions.Section}:PublicBaseUrl must be set in Production: the links in member mail must not be built from the request's Host header.")
            .ValidateOnStart();
        services.AddSingleton<MemberLinkUrls>();
        services.AddSingleton<SignUpTickets>();
        services.AddSingleton<MemberMailOutbox>();
        services.AddHostedService<MemberMailSender>();
        services.AddScoped<JoinMails>();
        services.AddScoped<IMemberPasswordHashing, IdentityPasswordHashing>();
        services.AddScoped<SignUpDigitalMember>();
        services.AddScoped<ConfirmEmailAddress>();
        services.AddScoped<ResendConfirmation>();
        services.AddScoped<RequestSecretReset>();
        services.AddScoped<ResetSecretWithLink>();
        return services;
    }
}
