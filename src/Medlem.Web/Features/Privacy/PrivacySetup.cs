using Medlem.Core.Privacy.Access;
using Medlem.Core.Privacy.Erasure;

namespace Medlem.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// The access export and the erasure. Sections of the export come from every registered
    /// <see cref="IAccessExportPart"/> (consents, requests, the audit trail of reads, and the member's sign-in account with the links and mail sent);
    /// holds on erasure from every <see cref="IErasureHold"/> (none yet: Medlem has no fees or loans).
    /// </summary>
    public static IServiceCollection AddMedlemPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>() ?? new PrivacyOptions());
        services.AddScoped<IAccessExportPart, ConsentExportPart>();
        services.AddScoped<IAccessExportPart, RequestExportPart>();
        services.AddScoped<IAccessExportPart, AuditExportPart>();
        services.AddScoped<IAccessExportPart, AccountExportPart>();
        services.AddScoped<AccessExport>();
        services.AddScoped<ErasePerson>();
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Retention.UnverifiedSignUpRetention>();
        services.AddHttpClient<ErasureWebhook>(client => client.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
