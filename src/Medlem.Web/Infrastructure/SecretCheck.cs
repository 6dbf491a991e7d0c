using Medlem.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// Checks a password or PIN against its ASP.NET Core Identity hash, with the lockout rule staff
/// and members share: five failures in a row lock the account for fifteen minutes, so a
/// four-digit PIN cannot be guessed (at most 480 tries a day of 10,000). The caller saves.
/// </summary>
public static class SecretCheck
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static bool IsLocked(ILockableAccount account, DateTimeOffset now) => account.LockedUntil > now;

    /// <summary>True when <paramref name="secret"/> matches; counts a failure otherwise. A hash in an old format is renewed through <paramref name="rehash"/>.</summary>
    public static bool Verify<TAccount>(
        IPasswordHasher<TAccount> hasher, TAccount account, string? hash, string secret, DateTimeOffset now, Action<string> rehash)
        where TAccount : class, ILockableAccount
    {
        var result = hash is null ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(account, hash, secret);
        if (result == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            if (account.FailedSignIns >= MaxFailures)
            {
                account.LockedUntil = now + LockoutDuration;
                account.FailedSignIns = 0;
            }

            return false;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            rehash(hasher.HashPassword(account, secret));
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        return true;
    }
}
