using System.Text;
using Medlem.Core.Data;

namespace Medlem.Core.Tests.Demo.TestSupport;

/// <summary>
/// A reversible stand-in for Data Protection in tests: base64 with a prefix, so a test can see
/// that a column was "encrypted" without key management. One instance for all tests, because
/// the EF model is cached per protector instance.
/// </summary>
public sealed class PrefixProtector : IPersonalDataProtector
{
    public const string Prefix = "test-protected:";

    public static PrefixProtector Instance { get; } = new();

    public string Protect(string plaintext) => Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(string ciphertext) =>
        ciphertext.StartsWith(Prefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(ciphertext[Prefix.Length..]))
            : throw new FormatException("Not protected by this protector.");
}
