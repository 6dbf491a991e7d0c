using Medlem.Core.Members.Cards;

namespace Medlem.Web.Features.Member.Card;

/// <summary>The digital card's services: the member's cards, reporting a loss, the desk's check and the QR tokens.</summary>
public static class CardSetup
{
    public static IServiceCollection AddMemberCards(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CardTokenOptions.Section).Get<CardTokenOptions>() ?? new CardTokenOptions();
        if (options.TokenLifetime < TimeSpan.FromSeconds(30) || options.TokenLifetime > TimeSpan.FromHours(1))
        {
            // Shorter, and the page could not refresh the QR code in time on a slow phone;
            // longer, and a screenshot passes for a card for too long.
            throw new InvalidOperationException($"{CardTokenOptions.Section}:TokenLifetime must be between 30 seconds and 1 hour.");
        }

        services.AddSingleton(options);
        services.AddSingleton<CardTokens>();
        services.AddScoped<MemberCards>();
        services.AddScoped<ReportLostCard>();
        services.AddScoped<CheckCard>();
        return services;
    }
}
