using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;

namespace Medlem.Core.Demo;

/// <summary>
/// Turns demo records into register entities. The consortium (libraries, branches, types, staff)
/// is written first so the database assigns its ids; memberships are then mapped from codes to
/// those ids through <see cref="DemoIds"/>.
/// </summary>
internal static class DemoEntityMapper
{
    public static async Task<DemoIds> WriteConsortiumAsync(
        MedlemDbContext db, DemoData data, Func<string, string> hashPassword, CancellationToken ct)
    {
        // City libraries first: school libraries refer to them as parents.
        var entities = new Dictionary<string, Library>(StringComparer.Ordinal);
        foreach (var parents in new[] { true, false })
        {
            var group = data.Libraries.Where(l => (l.ParentCode is null) == parents).ToList();
            foreach (var l in group)
            {
                var library = new Library
                {
                    Code = l.Code,
                    Name = l.Name,
                    Kind = l.Kind,
                    OrganisationNumber = l.OrganisationNumber,
                    Municipality = l.Municipality,
                    ParentLibraryId = l.ParentCode is null ? null : entities[l.ParentCode].Id,
                    DataProtectionOfficerName = l.DataProtectionOfficerName,
                    DataProtectionOfficerEmail = l.DataProtectionOfficerEmail,
                    Branches = [.. l.Branches.Select(b => new Branch { Code = b.Code, Name = b.Name, IsMain = b.IsMain })],
                };
                entities[l.Code] = library;
                db.Add(library);
            }

            await db.SaveChangesAsync(ct);
        }

        var types = entities.Values.SelectMany(l => DefaultMembershipTypes.For(l.Id)).ToList();
        db.AddRange(types);
        db.AddRange(data.StaffAccounts.Select(s => new StaffAccount
        {
            LibraryId = entities[s.LibraryCode].Id,
            UserName = s.UserName,
            DisplayName = s.DisplayName,
            PasswordHash = hashPassword(DemoConsortium.DemoPassword),
            Roles = s.Roles,
        }));
        await db.SaveChangesAsync(ct);

        var ids = new DemoIds(
            entities.ToDictionary(e => e.Key, e => e.Value.Id, StringComparer.Ordinal),
            entities.SelectMany(e => e.Value.Branches.Select(b => (Key: (e.Key, b.Code), b.Id))).ToDictionary(x => x.Key, x => x.Id),
            types.ToDictionary(t => (entities.Single(e => e.Value.Id == t.LibraryId).Key, t.Code), t => t.Id));
        db.ChangeTracker.Clear();
        return ids;
    }

    /// <summary>The person without contact points: those are written to their own table by the bulk writer.</summary>
    public static Person ToPerson(DemoPerson p) => new()
    {
        Id = p.Id,
        GivenName = p.GivenName,
        FamilyName = p.FamilyName,
        SearchName = Person.SearchNameOf(p.GivenName, p.FamilyName),
        BirthDate = p.BirthDate,
        NationalIdentityNumber = p.NationalIdentityNumber,
        Address = p.Address is { } a ? new PostalAddress { Street = a.Street, PostalCode = a.PostalCode, City = a.City } : null,
        PreferredLanguage = p.PreferredLanguage,
        CreatedAt = p.CreatedAt,
        UpdatedAt = p.CreatedAt,
    };

    public static ContactPoint ToContactPoint(Guid personId, DemoContactPoint c) =>
        new() { PersonId = personId, Kind = c.Kind, Value = c.Value, Verified = c.Verified, VerifiedAt = c.VerifiedAt };

    public static Guardianship ToGuardianship(DemoGuardianship g) =>
        new() { ChildId = g.ChildId, GuardianId = g.GuardianId, CreatedAt = g.CreatedAt };
}

/// <summary>Database ids of the consortium, by code, for mapping memberships and cards.</summary>
internal sealed record DemoIds(
    Dictionary<string, int> Libraries,
    Dictionary<(string Library, string Branch), int> Branches,
    Dictionary<(string Library, string Type), int> Types)
{
    public Membership ToMembership(DemoMembership m) =>
        new()
        {
            Id = m.Id,
            PersonId = m.PersonId,
            LibraryId = Libraries[m.LibraryCode],
            MembershipTypeId = Types[(m.LibraryCode, m.TypeCode)],
            HomeBranchId = m.HomeBranchCode is null ? null : Branches[(m.LibraryCode, m.HomeBranchCode)],
            Pseudonym = m.Pseudonym,
            ValidFrom = m.ValidFrom,
            ValidTo = m.ValidTo,
            Verification = m.Verification,
            VerifiedAt = m.VerifiedAt,
            GuardianApprovedAt = m.GuardianApprovedAt,
            ApprovedByGuardianId = m.ApprovedByGuardianId,
            BlockedAt = m.BlockedAt,
            BlockReason = m.BlockReason,
            OnUserPanel = m.OnUserPanel,
            LastUsedOn = m.LastUsedOn,
            LoansLast12Months = m.LoansLast12Months,
            ActivityAsOf = m.ActivityAsOf,
            CreatedAt = m.CreatedAt,
            UpdatedAt = m.CreatedAt,
        };

    public LibraryCard ToCard(DemoCard c) => new()
    {
        MembershipId = c.MembershipId, LibraryId = Libraries[c.LibraryCode], Number = c.Number, Status = c.Status,
        IssuedOn = c.IssuedOn, StatusChangedAt = c.StatusChangedAt,
    };
}
