namespace Medlem.Core.Data;

/// <summary>
/// Encrypts a sensitive column value at rest. The web host implements it with ASP.NET Core Data
/// Protection, whose keys live in the register database (<see cref="DataProtectionKeyRecord"/>),
/// so every instance and the command line decrypt the same values.
/// </summary>
/// <remarks>Implementations MUST be thread-safe and MUST be the same instance for the lifetime of the application: the EF model caches the converter that uses it.</remarks>
public interface IPersonalDataProtector
{
    string Protect(string plaintext);

    string Unprotect(string ciphertext);
}

/// <summary>One key of the Data Protection key ring, stored as its XML element.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    [Privacy.NotPersonalData] public string? FriendlyName { get; set; }

    [Privacy.NotPersonalData] public required string Xml { get; set; }
}
