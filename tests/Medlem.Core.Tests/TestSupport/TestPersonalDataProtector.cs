using System.Security.Cryptography;
using System.Text;
using Medlem.Core.Data;

namespace Medlem.Core.Tests.TestSupport;

/// <summary>
/// A reversible stand-in for Data Protection: a marker prefix and base64, so a test can see that the
/// stored column is not the plaintext and that reading through EF gives the plaintext back. Not encryption.
/// </summary>
/// <remarks>
/// One instance for all tests: <see cref="MedlemDbContext"/> caches one EF model per protector instance,
/// so a new instance per test would build (and keep) a new model each time.
/// </remarks>
internal sealed class TestPersonalDataProtector : IPersonalDataProtector
{
    public const string Prefix = "test-protected:";

    private TestPersonalDataProtector()
    {
    }

    public static TestPersonalDataProtector Instance { get; } = new();

    public string Protect(string plaintext) => Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(string ciphertext) =>
        ciphertext.StartsWith(Prefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(ciphertext[Prefix.Length..]))
            : throw new CryptographicException("The value was not protected by the test protector.");
}
