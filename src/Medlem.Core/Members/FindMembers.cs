using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members;

/// <summary>One line of a member search result.</summary>
public sealed record MemberHit(Guid PersonId, string FullName, DateOnly BirthDate, IReadOnlyList<string> CardNumbers);

/// <summary>
/// Finds members of one library by name, card number, e-mail or phone, as the desk does. A
/// search never reaches other libraries' members.
/// </summary>
public sealed class FindMembers(MedlemDbContext db)
{
    public const int MaxHits = 50;

    public async Task<IReadOnlyList<MemberHit>> RunAsync(int libraryId, string? query, CancellationToken ct)
    {
        var text = InputText.Clean(query);
        if (text is null || text.Length < 2 || text.Length > 200)
        {
            return [];
        }

        var people = db.VisibleTo(libraryId).Where(p => p.Memberships.Any(m => m.LibraryId == libraryId));
        var email = ContactValues.NormaliseEmail(text);
        var mobile = ContactValues.NormaliseMobile(text);
        IQueryable<Person> matches;
        if (email is not null)
        {
            matches = people.Where(p => p.ContactPoints.Any(c => c.Kind == ContactKind.Email && c.Value == email));
        }
        else if (mobile is not null)
        {
            // Eight digits may be a mobile number or a card number (Koha accepts any card format).
            var card = CardNumbers.IsWellFormed(text) ? text : null;
            matches = people.Where(p =>
                p.ContactPoints.Any(c => c.Kind == ContactKind.Mobile && c.Value == mobile)
                || (card != null && p.Memberships.Any(m => m.LibraryId == libraryId && m.Cards.Any(c => c.Number == card))));
        }
        else if (text.All(char.IsAsciiLetterOrDigit) && text.Any(char.IsAsciiDigit))
        {
            matches = people.Where(p => p.Memberships.Any(m => m.LibraryId == libraryId && m.Cards.Any(c => c.Number == text)));
        }
        else
        {
            // Every word must occur in the name, in any order: "hansen kari" finds Kari Hansen.
            matches = people;
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))
            {
                var pattern = "%" + EscapeLike(word) + "%";
                matches = matches.Where(p => EF.Functions.Like(p.SearchName, pattern, "\\"));
            }
        }

        var hits = await matches
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Take(MaxHits)
            .Select(p => new
            {
                p.Id,
                p.GivenName,
                p.FamilyName,
                p.BirthDate,
                Cards = p.Memberships.Where(m => m.LibraryId == libraryId)
                    .SelectMany(m => m.Cards).Where(c => c.Status == CardStatus.Active).Select(c => c.Number).ToList(),
            })
            .ToListAsync(ct);
        return hits.Select(h => new MemberHit(h.Id, $"{h.GivenName} {h.FamilyName}", h.BirthDate, h.Cards)).ToList();
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
