using Medlem.Core.Data;

namespace Medlem.Core.Members.Accounts;

/// <summary>The person's member account, added (not saved) when they have none yet.</summary>
public static class AccountsOf
{
    public static async Task<MemberAccount> GetOrAddAsync(MedlemDbContext db, Guid personId, DateTimeOffset now, CancellationToken ct)
    {
        var account = await db.MemberAccounts.FindAsync([personId], ct);
        if (account is null)
        {
            account = new MemberAccount { PersonId = personId, CreatedAt = now, UpdatedAt = now };
            db.MemberAccounts.Add(account);
        }

        return account;
    }
}
