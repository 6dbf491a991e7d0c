using Medlem.Core.Privacy.Access;
using Medlem.Core.Privacy.Erasure;
using Medlem.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Medlem.Web.Features.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// The access export and the erasure. Sections of the export come from every registered
    /// <see cref="IAccessExportPart"/> (consents, requests and the audit trail of reads);
    /// holds on erasure from every <see cref="IErasureHold"/> (the legal holds staff and library systems record).
    /// </summary>
    public static IServiceCollection AddMedlemPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>() ?? new PrivacyOptions());
        services.AddScoped<IAccessExportPart, ConsentExportPart>();
        services.AddScoped<IAccessExportPart, RequestExportPart>();
        services.AddScoped<IAccessExportPart, AuditExportPart>();
        services.AddScoped<IAccessExportPart, RestrictionExportPart>();
        services.AddScoped<AccessExport>();
        services.AddScoped<ErasePerson>();
        services.AddScoped<IErasureHold, Core.Privacy.Restriction.LegalHoldErasureHold>();
        services.AddScoped<Core.Privacy.Restriction.Restrictions>();
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Restriction.PendingErasureRetention>();
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Retention.UnverifiedSignUpRetention>();
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Retention.InactiveMemberRetention>();
        services.AddScoped<Core.Privacy.Retention.IInactivityNotifier, Retention.MailInactivityNotifier>();
        services.AddMemberMail();
        // The web host has its texts already; the command line's retention run needs them for notices.
        services.TryAddSingleton(_ => new Infrastructure.JsonTexts(Path.Combine(AppContext.BaseDirectory, "Resources")));
        services.AddHttpClient<ErasureWebhook>(client => client.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
