using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// Checks a staff member's user name and password with ASP.NET Core Identity's hasher, locking
/// the account for a while after repeated failures so passwords cannot be guessed.
/// </summary>
public sealed class StaffSignIn(MedlemDbContext db, IPasswordHasher<StaffAccount> hasher, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<StaffAccount?> CheckAsync(string? userName, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 100 || password.Length > 200)
        {
            return null;
        }

        var normalised = userName.Trim().ToLowerInvariant();
        var account = await db.StaffAccounts.SingleOrDefaultAsync(s => s.UserName == normalised, ct);
        var now = clock.GetUtcNow();
        if (account is null || account.Disabled || account.LockedUntil > now)
        {
            return null;
        }

        var result = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            if (account.FailedSignIns >= MaxFailures)
            {
                account.LockedUntil = now + LockoutDuration;
                account.FailedSignIns = 0;
            }

            await db.SaveChangesAsync(ct);
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return account;
    }
}
