using Medlem.Core.Members;
using Medlem.Web.Features.Member.Card;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.Card;

/// <summary>Shortcuts for the card tests: card ids by number, tokens as the card page makes them, card statuses.</summary>
internal static class CardTestData
{
    public static Task<LibraryCard> CardAsync(this MedlemApplication app, string number) =>
        app.WithDbAsync(db => db.Cards.AsNoTracking().SingleAsync(c => c.Number == number));

    /// <summary>A token for the card, from the application's own token service (the same one the card page uses).</summary>
    public static async Task<string> TokenAsync(this MedlemApplication app, string number)
    {
        var card = await app.CardAsync(number);
        return app.Services.GetRequiredService<CardTokens>().Issue(card.Id, card.LibraryId).Token;
    }

    public static Task<int> AuditEntriesAsync(this MedlemApplication app, string purpose) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Purpose == purpose));

    /// <summary>Everything a card check could change: memberships and cards, as text to compare before and after.</summary>
    public static Task<string> RegisterSnapshotAsync(this MedlemApplication app) =>
        app.WithDbAsync(async db =>
        {
            var memberships = await db.Memberships.AsNoTracking().OrderBy(m => m.Id)
                .Select(m => $"{m.Id} {m.MembershipTypeId} {m.BlockedAt} {m.UpdatedAt} {m.Verification}").ToListAsync();
            var cards = await db.Cards.AsNoTracking().OrderBy(c => c.Id)
                .Select(c => $"{c.Id} {c.Number} {c.Status} {c.StatusChangedAt}").ToListAsync();
            return string.Join('\n', memberships.Concat(cards));
        });
}
