using System.Security.Cryptography;
using Medlem.Core.Privacy;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace Medlem.Web.Infrastructure;

/// <summary>
/// Personal data never reaches the logs as itself (DESIGN.md §4). Logging methods mark a
/// parameter with <see cref="PersonalDataAttribute"/>; the logger then redacts it: identifiers
/// (card numbers, e-mail addresses) become a keyed hash, so an operator can see that ten failed
/// sign-ins were against one card without learning which; everything else is erased. The key is
/// <c>Medlem:Logging:RedactionKey</c> (base64, 32 bytes or more) or, by default, new at every
/// start, so hashes cannot be compared across restarts or reversed by trying card numbers later.
/// </summary>
public static class LogRedaction
{
    // One set per classification: the provider looks a parameter's whole set up, so a set of two
    // would only match a parameter marked with both.
    private static readonly DataClassificationSet[] Hashed =
    [
        new(new DataClassification(MedlemTaxonomy.Name, MedlemTaxonomy.UniqueId)),
        new(new DataClassification(MedlemTaxonomy.Name, MedlemTaxonomy.Contact)),
    ];

    public static void AddMedlemLogRedaction(this WebApplicationBuilder builder)
    {
        var key = builder.Configuration["Medlem:Logging:RedactionKey"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetHmacRedactor(options => (options.Key, options.KeyId) = (key, 1), Hashed);
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
    }
}
