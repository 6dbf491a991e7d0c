using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// Checks a staff member's user name and password with ASP.NET Core Identity's hasher, locking
/// the account for a while after repeated failures so passwords cannot be guessed (<see cref="SecretCheck"/>).
/// </summary>
public sealed class StaffSignIn(MedlemDbContext db, IPasswordHasher<StaffAccount> hasher, TimeProvider clock)
{
    public async Task<StaffAccount?> CheckAsync(string? userName, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 100 || password.Length > 200)
        {
            return null;
        }

        var normalised = userName.Trim().ToLowerInvariant();
        var account = await db.StaffAccounts.SingleOrDefaultAsync(s => s.UserName == normalised, ct);
        var now = clock.GetUtcNow();
        if (account is null || account.Disabled || SecretCheck.IsLocked(account, now))
        {
            return null;
        }

        var valid = SecretCheck.Verify(hasher, account, account.PasswordHash, password, now, rehashed => account.PasswordHash = rehashed);
        await db.SaveChangesAsync(ct);
        return valid ? account : null;
    }
}
