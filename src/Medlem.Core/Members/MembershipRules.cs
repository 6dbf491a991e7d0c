using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members;

/// <summary>Checks shared by the use cases that create or change memberships and cards.</summary>
internal static class MembershipRules
{
    public static async Task<MembershipType?> FindTypeAsync(
        MedlemDbContext db, int libraryId, string? code, ValidationErrors errors, CancellationToken ct)
    {
        var cleaned = InputText.Clean(code);
        if (cleaned is null)
        {
            errors.Add("MembershipTypeCode", "required");
            return null;
        }

        var type = await db.MembershipTypes.SingleOrDefaultAsync(t => t.LibraryId == libraryId && t.Code == cleaned && t.Active, ct);
        if (type is null)
        {
            errors.Add("MembershipTypeCode", "type.unknown");
        }

        return type;
    }

    public static async Task CheckBranchAsync(MedlemDbContext db, int libraryId, int? branchId, ValidationErrors errors, CancellationToken ct)
    {
        if (branchId is { } id && !await db.Branches.AnyAsync(b => b.Id == id && b.LibraryId == libraryId, ct))
        {
            errors.Add("HomeBranchId", "branch.unknown");
        }
    }

    /// <summary>The given number if well-formed and free in the library, else a new one.</summary>
    public static async Task<string?> CardNumberAsync(
        MedlemDbContext db, int libraryId, string? requested, ValidationErrors errors, CancellationToken ct)
    {
        var number = InputText.Clean(requested);
        if (number is not null)
        {
            if (!CardNumbers.IsWellFormed(number))
            {
                errors.Add("CardNumber", "card.invalid");
                return null;
            }

            if (await db.Cards.AnyAsync(c => c.LibraryId == libraryId && c.Number == number, ct))
            {
                errors.Add("CardNumber", "card.duplicate");
                return null;
            }

            return number;
        }

        // A clash among 900 million numbers is rare; try a few times rather than loop forever.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = CardNumbers.Generate();
            if (!await db.Cards.AnyAsync(c => c.LibraryId == libraryId && c.Number == candidate, ct))
            {
                return candidate;
            }
        }

        errors.Add("CardNumber", "card.exhausted");
        return null;
    }

    /// <summary>
    /// Saves a change that adds a card. Two desks can take the same free number at the same
    /// moment; the database's unique index stops the second, which then gets the same
    /// "card.duplicate" error as if it had come a moment later, instead of an error page.
    /// </summary>
    public static async Task<bool> SaveUnlessCardTakenAsync(MedlemDbContext db, int libraryId, string cardNumber, ValidationErrors errors, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Cards.AnyAsync(c => c.LibraryId == libraryId && c.Number == cardNumber, ct))
            {
                throw;
            }

            errors.Add("CardNumber", "card.duplicate");
            return false;
        }
    }
}
