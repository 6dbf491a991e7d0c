using Medlem.Core.Consortium;
using Medlem.Core.Insight;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Statistics.Insight;

namespace Medlem.Web.Infrastructure;

/// <summary>Registers Core's use cases and rules, shared by the web host and the command line.</summary>
public static class CoreSetup
{
    public const string MembersSection = "Medlem:Members";

    public static IServiceCollection AddMedlemCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var rules = configuration.GetSection(MembersSection).Get<MemberRules>() ?? new MemberRules();
        if (rules.AllowSyntheticNationalIdentityNumbers && environment.IsProduction())
        {
            // Synthetic numbers are test data; accepting them in production would let made-up
            // identities pass as verified ones.
            throw new InvalidOperationException(
                $"{MembersSection}:AllowSyntheticNationalIdentityNumbers must not be true in the Production environment.");
        }

        services.AddSingleton(rules);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RegisterMember>();
        services.AddScoped<UpdateMemberDetails>();
        services.AddScoped<FindMembers>();
        services.AddScoped<GetMember>();
        services.AddScoped<MembershipCommands>();
        services.AddScoped<ConsortiumCommands>();
        services.AddScoped<MemberCounts>();
        services.AddSingleton<AuditAppendLock>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditChain>();
        services.AddScoped<AuditLog>();
        var insight = configuration.GetSection(InsightOptions.Section).Get<InsightOptions>() ?? new InsightOptions();
        _ = LoanBuckets.Of(insight.LoanBucketEdges); // a bad edge list stops the start, not the first dashboard
        services.AddSingleton(insight);
        services.AddScoped<RosterSync>();
        services.AddScoped<InsightService>();
        services.AddSingleton(Core.Privacy.Consents.ConsentTexts.Default);
        services.AddScoped<Core.Privacy.Consents.Consents>();
        services.AddScoped<Core.Privacy.Requests.PrivacyRequests>();
        services.AddSingleton(configuration.GetSection(Core.Privacy.Retention.RetentionOptions.Section).Get<Core.Privacy.Retention.RetentionOptions>()
            ?? new Core.Privacy.Retention.RetentionOptions());
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Retention.ReadingHistoryRetention>();
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Retention.ClosedRequestRetention>();
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Retention.GuardianRetention>();
        services.AddScoped<Core.Privacy.Retention.IRetentionRule, Core.Privacy.Audit.AuditRetention>();
        services.AddScoped<Core.Privacy.Retention.RetentionRunner>();
        services.AddScoped<Core.Privacy.Breaches.Breaches>();
        return services;
    }
}
