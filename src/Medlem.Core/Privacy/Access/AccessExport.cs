using Medlem.Core.Activity.Mapping;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Statistics;
using Medlem.Statistics.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Privacy.Access;

/// <summary>
/// Builds the access export (GDPR art. 15) of one person for the staff of one library: the
/// person's own data, that library's memberships of them (never another controller's), and the
/// activity facts linked through those memberships' pseudonyms. Null when the library may not see
/// the person (<see cref="Tenancy.VisibleTo"/>), so a caller answers "not found" for other
/// libraries' members. Callers MUST have checked that the staff member handles privacy requests.
/// </summary>
public sealed class AccessExport(MedlemDbContext db, StatisticsStore store, TimeProvider clock, IEnumerable<IAccessExportPart> parts)
{
    public const string NationalIdentityNumberNote =
        "Masked in exports. The full number is held encrypted; it is shown to the person at the desk on request, after identification.";

    public async Task<AccessExportDocument?> RunAsync(int libraryId, Guid personId, CancellationToken ct)
    {
        var person = await db.VisibleTo(libraryId).AsNoTracking()
            .Include(p => p.ContactPoints)
            .Include(p => p.Guardians).ThenInclude(g => g.Guardian)
            .Include(p => p.Memberships.Where(m => m.LibraryId == libraryId)).ThenInclude(m => m.Cards)
            .Include(p => p.Memberships.Where(m => m.LibraryId == libraryId)).ThenInclude(m => m.MembershipType)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var library = await db.Libraries.AsNoTracking().SingleAsync(l => l.Id == libraryId, ct);
        var branches = await db.Branches.AsNoTracking().Where(b => b.LibraryId == libraryId).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var membershipIds = person.Memberships.Select(m => m.Id).ToList();
        var identities = await db.SourceIdentities.AsNoTracking().Where(s => membershipIds.Contains(s.MembershipId)).ToListAsync(ct);
        var children = await db.Guardianships.AsNoTracking()
            .Where(g => g.GuardianId == personId)
            .Join(db.VisibleTo(libraryId), g => g.ChildId, p => p.Id, (g, p) => new { p.GivenName, p.FamilyName, g.CreatedAt })
            .ToListAsync(ct);

        var memberships = person.Memberships.OrderBy(m => m.ValidFrom).Select(m => new ExportedMembership(
            m.Id, m.Pseudonym, m.MembershipType!.Code, m.HomeBranchId is { } b ? branches.GetValueOrDefault(b) : null,
            m.ValidFrom, m.ValidTo, m.Verification, m.VerifiedAt, m.GuardianApprovedAt, m.BlockedAt, m.BlockReason, m.OnUserPanel,
            m.LastUsedOn, m.LoansLast12Months, m.ActivityAsOf, m.CreatedAt, m.UpdatedAt,
            m.Cards.OrderBy(c => c.IssuedOn).Select(c => new ExportedCard(c.Number, c.Status, c.IssuedOn, c.StatusChangedAt)).ToList(),
            identities.Where(s => s.MembershipId == m.Id).Select(s => new ExportedSourceIdentity(s.System.ToString(), s.ExternalId)).ToList())).ToList();

        var subject = new AccessExportSubject(libraryId, personId, membershipIds, person.Memberships.Select(m => m.Pseudonym).ToList());
        var sections = new List<AccessExportSection>();
        foreach (var part in parts)
        {
            sections.Add(await part.ContributeAsync(subject, ct));
        }

        return new AccessExportDocument(
            clock.GetUtcNow(),
            new ExportedController(library.Code, library.Name, library.DataProtectionOfficerEmail),
            new ExportedPerson(
                person.Id, person.GivenName, person.FamilyName, person.BirthDate,
                person.NationalIdentityNumber is null ? null : NationalIdentityNumber.Mask(person.NationalIdentityNumber),
                person.NationalIdentityNumber is null ? null : NationalIdentityNumberNote,
                person.Address, person.PreferredLanguage, person.CreatedAt, person.UpdatedAt),
            person.ContactPoints.OrderBy(c => c.Kind).ThenBy(c => c.Id).Select(c => new ExportedContact(c.Kind, c.Value, c.Verified, c.VerifiedAt)).ToList(),
            [
                .. person.Guardians.Select(g => new ExportedRelation("guardian", g.Guardian!.FullName, g.CreatedAt)),
                .. children.Select(c => new ExportedRelation("child", $"{c.GivenName} {c.FamilyName}", c.CreatedAt)),
            ],
            memberships,
            await ImportErrorsAsync(libraryId, person, identities.Select(s => s.ExternalId), ct),
            await FactsAsync(libraryId, person.Memberships, branches, ct),
            sections);
    }

    /// <summary>
    /// The masks the import keeps of this person's identifiers (<see cref="RowMapper.Mask"/>), for
    /// finding the rejected rows that may name them. Values under eight characters are masked wholly
    /// and match nobody in particular, so they are left out.
    /// </summary>
    internal static HashSet<string> MasksOf(IEnumerable<string> identifiers) =>
        identifiers.Where(v => v.Length >= 8).Select(v => RowMapper.Mask(v)).ToHashSet(StringComparer.Ordinal);

    internal static IEnumerable<string> IdentifiersOf(Person person, IEnumerable<string> externalIds) =>
        [
            .. person.Memberships.SelectMany(m => m.Cards).Select(c => c.Number),
            .. person.ContactPoints.Where(c => c.Kind == ContactKind.Email).Select(c => c.Value),
            .. externalIds,
        ];

    private async Task<ExportedImportErrors> ImportErrorsAsync(int libraryId, Person person, IEnumerable<string> externalIds, CancellationToken ct)
    {
        var masks = MasksOf(IdentifiersOf(person, externalIds));
        var rows = masks.Count == 0 ? [] : await db.ImportRuns.AsNoTracking()
            .Where(r => r.LibraryId == libraryId)
            .SelectMany(r => r.Errors.Where(e => e.Value != null && masks.Contains(e.Value)), (r, e) => new ExportedImportError(r.FileName, r.StartedAt, e.Line, e.Column, e.Value, e.Reason))
            .ToListAsync(ct);
        const string note = "Rejected import rows keep card numbers, e-mail addresses and library-system ids masked (first and last two characters). "
            + "These rows have the mask of one of the person's identifiers, which another identifier may share; values shorter than eight characters are masked wholly and cannot be linked to anyone.";
        return new ExportedImportErrors(note, rows);
    }

    private async Task<List<ExportedFact>> FactsAsync(int libraryId, List<Membership> memberships, Dictionary<int, string> branches, CancellationToken ct)
    {
        if (memberships.Count == 0)
        {
            return [];
        }

        var byPseudonym = memberships.ToDictionary(m => m.Pseudonym, m => m.Id);
        await using var connection = await store.OpenAsync(ct);
        var facts = await MemberLinks.FactsAsync(connection, (short)libraryId, byPseudonym.Keys, ct);
        return facts.Select(f => new ExportedFact(
            byPseudonym[f.Pseudonym], f.Day, f.Kind, f.BranchId is { } b ? branches.GetValueOrDefault(b) : null,
            f.Media, f.Category, f.EventId, f.Minutes, f.Title)).ToList();
    }
}
