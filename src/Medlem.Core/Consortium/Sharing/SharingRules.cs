using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Consortium.Sharing;

/// <summary>One rule as its two libraries see it.</summary>
public sealed record SharingRuleView(int Id, string OwnerCode, string OwnerName, string RecipientCode, string RecipientName, string Basis, DateTimeOffset CreatedAt);

/// <summary>The sharing rules a library has given and received; the owner adds and revokes its own.</summary>
public sealed class SharingRules(MedlemDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SharingRuleView>> ListAsync(int libraryId, CancellationToken ct)
    {
        var rules = await db.SharingRules.AsNoTracking()
            .Where(r => r.RevokedAt == null && (r.OwnerLibraryId == libraryId || r.RecipientLibraryId == libraryId))
            .Join(db.Libraries, r => r.OwnerLibraryId, l => l.Id, (r, owner) => new { r, owner })
            .Join(db.Libraries, x => x.r.RecipientLibraryId, l => l.Id, (x, recipient) => new { x.r, x.owner, recipient })
            .Select(x => new { x.r.Id, OwnerCode = x.owner.Code, OwnerName = x.owner.Name, RecipientCode = x.recipient.Code, RecipientName = x.recipient.Name, x.r.Basis, x.r.CreatedAt })
            .ToListAsync(ct);
        return rules.OrderBy(r => r.Id).Select(r => new SharingRuleView(r.Id, r.OwnerCode, r.OwnerName, r.RecipientCode, r.RecipientName, r.Basis, r.CreatedAt)).ToList();
    }

    /// <summary>The libraries whose members <paramref name="recipientLibraryId"/>'s staff may read now.</summary>
    public async Task<IReadOnlyList<int>> OwnersSharingWithAsync(int recipientLibraryId, CancellationToken ct) =>
        await db.SharingRules.AsNoTracking()
            .Where(r => r.RecipientLibraryId == recipientLibraryId && r.RevokedAt == null)
            .Select(r => r.OwnerLibraryId).Distinct().ToListAsync(ct);

    public async Task<Outcome<SharingRule>> AddAsync(int ownerLibraryId, string? recipientCode, string? basis, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var recipient = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(l => l.Code == recipientCode, ct);
        var text = InputText.Clean(basis);
        if (recipient is null || recipient.Id == ownerLibraryId)
        {
            errors.Add("Recipient", "sharing.recipient");
        }
        else if (await db.SharingRules.AnyAsync(r => r.OwnerLibraryId == ownerLibraryId && r.RecipientLibraryId == recipient.Id && r.RevokedAt == null, ct))
        {
            errors.Add("Recipient", "sharing.exists");
        }

        if (text is null || text.Length > 200)
        {
            errors.Add("Basis", "sharing.basis");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<SharingRule>.Invalid(errors);
        }

        var rule = new SharingRule { OwnerLibraryId = ownerLibraryId, RecipientLibraryId = recipient!.Id, Basis = text!, CreatedAt = clock.GetUtcNow() };
        db.SharingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return Outcome<SharingRule>.Success(rule);
    }

    /// <summary>Only the owner revokes; reads stop at once.</summary>
    public async Task<Outcome<SharingRule>> RevokeAsync(int ownerLibraryId, int ruleId, CancellationToken ct)
    {
        var rule = await db.SharingRules.SingleOrDefaultAsync(r => r.Id == ruleId && r.OwnerLibraryId == ownerLibraryId && r.RevokedAt == null, ct);
        if (rule is null)
        {
            return Outcome<SharingRule>.Missing();
        }

        rule.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<SharingRule>.Success(rule);
    }
}
