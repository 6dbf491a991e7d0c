using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Medlem.Web.Features.Member.Card;

/// <summary>Bound from <c>Medlem:Cards</c>.</summary>
public sealed class CardTokenOptions
{
    public const string Section = "Medlem:Cards";

    /// <summary>How long a QR token works: a screenshot of the card page stops working after this.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

public enum CardTokenState
{
    Valid = 0,

    /// <summary>Made by us, but past its expiry.</summary>
    Expired = 1,

    /// <summary>Not made by us with this purpose: forged, changed, cut short, or not a token at all.</summary>
    Invalid = 2,
}

/// <summary>What a token says: which card, of which library, until when.</summary>
public sealed record CardTokenContent(int CardId, int LibraryId, DateTimeOffset ExpiresAt);

public sealed record CardTokenCheck(CardTokenState State, CardTokenContent? Content);

public sealed record IssuedCardToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// The short-lived token in the card page's QR code. It holds a card id, the card's library and
/// an expiry, encrypted and authenticated by Data Protection under a purpose of its own, so it is
/// opaque (no name, number or birth date can be read from it) and cannot be changed or made
/// without the key ring. Base64url, about 134 characters: a version 8 QR code at level M.
/// </summary>
/// <remarks>
/// Why not <c>ITimeLimitedDataProtector</c>: it checks expiry against the system clock, and
/// every other deadline in Medlem follows the injected <see cref="TimeProvider"/>. The expiry sits
/// inside the protected payload instead, where it is just as tamper-proof.
/// </remarks>
public sealed class CardTokens(IDataProtectionProvider provider, TimeProvider clock, CardTokenOptions options)
{
    public const string Purpose = "Medlem.Cards.QrToken.v1";

    /// <summary>Longer input is not one of ours; refusing it early spares the decryption.</summary>
    private const int MaxTokenLength = 512;

    private const byte FormatVersion = 1;

    // version (1) + card id (4) + library id (4) + expiry in Unix seconds (4, unsigned: until 2106).
    // Thirteen bytes fit one AES block, which keeps the token, and so the QR code, small.
    private const int PayloadLength = 13;

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public TimeSpan Lifetime => options.TokenLifetime;

    public IssuedCardToken Issue(int cardId, int libraryId)
    {
        // Whole seconds, rounded down: the token never outlives the lifetime it was given.
        var expires = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + options.TokenLifetime).ToUnixTimeSeconds());
        Span<byte> payload = stackalloc byte[PayloadLength];
        payload[0] = FormatVersion;
        BinaryPrimitives.WriteInt32BigEndian(payload[1..], cardId);
        BinaryPrimitives.WriteInt32BigEndian(payload[5..], libraryId);
        BinaryPrimitives.WriteUInt32BigEndian(payload[9..], checked((uint)expires.ToUnixTimeSeconds()));
        return new IssuedCardToken(WebEncoders.Base64UrlEncode(_protector.Protect(payload.ToArray())), expires);
    }

    public CardTokenCheck Read(string? token)
    {
        var payload = Unprotect(token?.Trim());
        if (payload is not { Length: PayloadLength } || payload[0] != FormatVersion)
        {
            return new CardTokenCheck(CardTokenState.Invalid, null);
        }

        var content = new CardTokenContent(
            BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(1)),
            BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(5)),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(9))));
        return new CardTokenCheck(clock.GetUtcNow() < content.ExpiresAt ? CardTokenState.Valid : CardTokenState.Expired, content);
    }

    private byte[]? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
