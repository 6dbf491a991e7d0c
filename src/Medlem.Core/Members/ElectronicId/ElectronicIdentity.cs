namespace Medlem.Core.Members.ElectronicId;

/// <summary>
/// Who an electronic-ID provider (ID-porten, BankID) says the person is: their national identity
/// number from the ID token's <c>pid</c> claim, validated, and the keyed hash of the provider's
/// subject (<see cref="ElectronicIdSubjects"/>). Only made by <see cref="Read"/>, so a value of
/// this type always holds a well-formed number.
/// </summary>
/// <remarks>Sensitive: never log it, nor put the number in a URL.</remarks>
public sealed record ElectronicIdentity
{
    private ElectronicIdentity(string number, DateOnly? birthDate, string subjectHash)
    {
        NationalIdentityNumber = number;
        BirthDate = birthDate;
        SubjectHash = subjectHash;
    }

    /// <summary>Eleven digits, no spaces.</summary>
    public string NationalIdentityNumber { get; }

    /// <summary>The birth date the number encodes; null for numbers that do not give the century (from 2032).</summary>
    public DateOnly? BirthDate { get; }

    public string SubjectHash { get; }

    /// <summary>
    /// Reads the <c>pid</c> claim. A provider that sends no number, or one that fails Skatteetaten's
    /// rules, is refused: an identity without a valid number cannot upgrade anyone. Synthetic test
    /// numbers pass only when <paramref name="allowSynthetic"/> (never in production).
    /// </summary>
    public static ElectronicIdentityRead Read(string? pid, string subjectHash, bool allowSynthetic)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectHash);
        if (RefusalOf(pid, allowSynthetic) is { } refusal)
        {
            return new ElectronicIdentityRead(null, refusal);
        }

        var check = Members.NationalIdentityNumber.Check(pid, allowSynthetic);
        return new ElectronicIdentityRead(new ElectronicIdentity(Digits(pid), check.BirthDate, subjectHash), null);
    }

    /// <summary>Why <see cref="Read"/> would refuse the pid, or null: for checking before anything else is done with the token.</summary>
    public static ElectronicIdRefusal? RefusalOf(string? pid, bool allowSynthetic) =>
        string.IsNullOrWhiteSpace(pid) ? ElectronicIdRefusal.PidMissing
        : !Members.NationalIdentityNumber.Check(pid, allowSynthetic).IsValid ? ElectronicIdRefusal.PidInvalid
        : null;

    /// <summary>Digits only, so "010190 12345" and "01019012345" compare equal.</summary>
    internal static string Digits(string? value) => value is null ? "" : new string(value.Where(char.IsAsciiDigit).ToArray());
}

/// <summary>The outcome of <see cref="ElectronicIdentity.Read"/>: an identity, or why there is none.</summary>
public sealed record ElectronicIdentityRead(ElectronicIdentity? Identity, ElectronicIdRefusal? Refusal);
