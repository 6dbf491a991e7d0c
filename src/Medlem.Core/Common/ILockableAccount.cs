namespace Medlem.Core.Common;

/// <summary>An account that is locked for a while after too many wrong passwords or PINs in a row.</summary>
public interface ILockableAccount
{
    int FailedSignIns { get; set; }

    DateTimeOffset? LockedUntil { get; set; }
}
