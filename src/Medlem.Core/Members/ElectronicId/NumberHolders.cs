using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.ElectronicId;

/// <summary>
/// Finds the person who holds a national identity number. The number is encrypted with a fresh
/// nonce each time (Data Protection), so SQL cannot compare it; the candidates are read and
/// decrypted here. The number's birth date narrows them: every stored number agrees with its
/// person's birth date (<see cref="MemberDetailsValidator"/> and the electronic-ID upgrade see to
/// it), so only people born that day are decrypted, about 150 at national scale. A number that
/// does not give its century (issued from 2032) is compared with every stored number.
/// </summary>
/// <remarks>
/// A keyed blind index column would make this one indexed lookup; it needs a migration and is
/// worth it when numbers without a birth date become common.
/// </remarks>
public static class NumberHolders
{
    public static async Task<Guid?> FindAsync(MedlemDbContext db, string number, DateOnly? birthDate, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().Where(p => p.NationalIdentityNumber != null);
        if (birthDate is { } born)
        {
            query = query.Where(p => p.BirthDate == born);
        }

        var candidates = await query.Select(p => new { p.Id, p.NationalIdentityNumber }).ToListAsync(ct);
        var wanted = ElectronicIdentity.Digits(number);
        return candidates.FirstOrDefault(c => ElectronicIdentity.Digits(c.NationalIdentityNumber) == wanted)?.Id;
    }

    /// <summary>The person whose account holds the subject hash, if any.</summary>
    public static Task<Guid?> BySubjectAsync(MedlemDbContext db, string subjectHash, CancellationToken ct) =>
        db.MemberAccounts.AsNoTracking().Where(a => a.ElectronicIdSubject == subjectHash).Select(a => (Guid?)a.PersonId).SingleOrDefaultAsync(ct);
}
