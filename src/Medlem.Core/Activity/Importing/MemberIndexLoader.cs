using Medlem.Core.Activity.Mapping;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Activity.Importing;

/// <summary>The register's activity summary of a membership as the import found it.</summary>
internal sealed record RegisterSummary(Guid MembershipId, DateOnly? LastUsedOn, int LoansLast12Months, DateOnly? ActivityAsOf);

/// <summary>Reads a library's members once per import into memory: 300,000 members take a second and some tens of MB.</summary>
internal static class MemberIndexLoader
{
    public static async Task<(MemberIndex Index, Dictionary<Guid, RegisterSummary> Summaries)> LoadAsync(
        MedlemDbContext db, int libraryId, ImportFormat system, StatisticsNumbers numbers, CancellationToken ct)
    {
        // A membership whose processing is limited is not matched: its use counts as an unknown visitor's.
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.LibraryId == libraryId && m.Limit == Privacy.Restriction.ProcessingLimit.None)
            .Select(m => new { m.Id, m.PersonId, m.Pseudonym, m.Person!.BirthDate, m.MembershipTypeId, m.LastUsedOn, m.LoansLast12Months, m.ActivityAsOf })
            .ToListAsync(ct);
        var summaries = members.ToDictionary(m => m.Pseudonym, m => new RegisterSummary(m.Id, m.LastUsedOn, m.LoansLast12Months, m.ActivityAsOf));
        // Titles are kept only for members whose reading-history consent counts today.
        var keeping = await Privacy.Consents.Consents.KeepingReadingHistoryAsync(db, Privacy.Consents.ConsentTexts.Default, libraryId, ct);
        var byId = members.ToDictionary(m => m.Id, m => new MemberRef(m.Id, m.Pseudonym, m.BirthDate, (short)m.MembershipTypeId, keeping.Contains(m.Id), numbers.Member(m.Pseudonym)));
        var byCard = new Dictionary<string, MemberRef>(StringComparer.Ordinal);
        await foreach (var card in db.Cards.AsNoTracking().Where(c => c.LibraryId == libraryId).Select(c => new { c.Number, c.MembershipId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(card.MembershipId, out var member))
            {
                byCard[card.Number] = member;
            }
        }
        var bySourceId = new Dictionary<string, MemberRef>(StringComparer.Ordinal);
        await foreach (var link in db.SourceIdentities.AsNoTracking().Where(s => s.LibraryId == libraryId && s.System == system).Select(s => new { s.ExternalId, s.MembershipId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byId.TryGetValue(link.MembershipId, out var member))
            {
                bySourceId[link.ExternalId] = member;
            }
        }
        var byPerson = members.GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => byId[g.First().Id]);
        var byEmail = new Dictionary<string, MemberRef>(StringComparer.Ordinal);
        await foreach (var email in db.ContactPoints.AsNoTracking()
            .Where(c => c.Kind == ContactKind.Email && db.Memberships.Any(m => m.LibraryId == libraryId && m.PersonId == c.PersonId))
            .Select(c => new { c.Value, c.PersonId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (byPerson.TryGetValue(email.PersonId, out var member))
            {
                byEmail[email.Value] = member;
            }
        }
        return (new MemberIndex(bySourceId, byCard, byEmail), summaries);
    }
}
