using Medlem.Core;
using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Medlem.Web.Features.Member.Login;

/// <summary>
/// Sets a member's PIN or password (at sign-up, through a reset link, at the desk). The rules:
/// a PIN is four to eight digits (what the libraries' self-service machines accept); a password
/// has at least ten characters (NSM's advice favours length over composition rules).
/// </summary>
public sealed class MemberCredentials(MedlemDbContext db, IPasswordHasher<MemberAccount> hasher, TimeProvider clock)
{
    public const int MinPinLength = 4;
    public const int MaxPinLength = 8;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;

    public static bool IsValidPin(string? pin) =>
        pin is { Length: >= MinPinLength and <= MaxPinLength } && pin.All(char.IsAsciiDigit);

    public static bool IsValidPassword(string? password) =>
        password is { Length: >= MinPasswordLength and <= MaxPasswordLength } && !string.IsNullOrWhiteSpace(password);

    public async Task<ValidationErrors> SetPinAsync(Guid personId, string? pin, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!IsValidPin(pin))
        {
            errors.Add("Pin", "member.pin.rule");
            return errors;
        }

        var account = await AccountsOf.GetOrAddAsync(db, personId, clock.GetUtcNow(), ct);
        account.PinHash = hasher.HashPassword(account, pin!);
        await UnlockAndSaveAsync(account, ct);
        return errors;
    }

    public async Task<ValidationErrors> SetPasswordAsync(Guid personId, string? password, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!IsValidPassword(password))
        {
            errors.Add("Password", "member.password.rule");
            return errors;
        }

        var account = await AccountsOf.GetOrAddAsync(db, personId, clock.GetUtcNow(), ct);
        account.PasswordHash = hasher.HashPassword(account, password!);
        await UnlockAndSaveAsync(account, ct);
        return errors;
    }

    private async Task UnlockAndSaveAsync(MemberAccount account, CancellationToken ct)
    {
        // A new secret chosen through a verified channel ends a lockout.
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
