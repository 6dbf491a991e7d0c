using Medlem.Web.Features.Member.Card;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Medlem.Web.Tests.Member.Card;

/// <summary>
/// The QR token: what went in comes out, until the expiry (5 minutes by default, configurable); a changed, cut,
/// made-up or foreign token is invalid; and nothing in it can be read without the key ring.
/// </summary>
public sealed class CardTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 11, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly EphemeralDataProtectionProvider _keys = new();

    private CardTokens Tokens(TimeSpan? lifetime = null) =>
        new(_keys, _clock, new CardTokenOptions { TokenLifetime = lifetime ?? TimeSpan.FromMinutes(5) });

    [Fact]
    public void Issue_ThenRead_GivesBackTheCardTheLibraryAndAnExpiryFiveMinutesAhead()
    {
        var tokens = Tokens();
        var issued = tokens.Issue(cardId: 4711, libraryId: 3);

        var read = tokens.Read(issued.Token);

        Assert.Equal(CardTokenState.Valid, read.State);
        Assert.Equal(new CardTokenContent(4711, 3, Now.AddMinutes(5)), read.Content);
        Assert.Equal(Now.AddMinutes(5), issued.ExpiresAt);
    }

    [Fact]
    public void Read_WorksUntilTheLastSecond_AndIsExpiredFromTheExpiryOn()
    {
        var tokens = Tokens();
        var token = tokens.Issue(1, 1).Token;

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(CardTokenState.Valid, tokens.Read(token).State);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var expired = tokens.Read(token);
        Assert.Equal(CardTokenState.Expired, expired.State);
        Assert.Equal(1, expired.Content!.CardId);
    }

    [Fact]
    public void Lifetime_IsConfigurable()
    {
        var tokens = Tokens(TimeSpan.FromMinutes(2));
        var token = tokens.Issue(1, 1).Token;

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(CardTokenState.Expired, tokens.Read(token).State);
    }

    [Fact]
    public void Read_AnyChangedByte_IsInvalid()
    {
        var tokens = Tokens();
        var bytes = WebEncoders.Base64UrlDecode(tokens.Issue(4711, 3).Token);

        // Every byte, one bit flipped: header, key id, IV, ciphertext or tag, the authentication catches all of them.
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            Assert.Equal(CardTokenState.Invalid, tokens.Read(WebEncoders.Base64UrlEncode(changed)).State);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("STAV0001")]
    [InlineData("not base64 at all!")]
    [InlineData("eyJjYXJkIjo0NzExLCJsaWJyYXJ5IjozfQ")] // {"card":4711,"library":3} in base64url: a forger's guess
    public void Read_MadeUpTokens_AreInvalid(string? token)
    {
        Assert.Equal(CardTokenState.Invalid, Tokens().Read(token).State);
    }

    [Fact]
    public void Read_CutOrLengthenedToken_IsInvalid()
    {
        var tokens = Tokens();
        var token = tokens.Issue(4711, 3).Token;

        Assert.Equal(CardTokenState.Invalid, tokens.Read(token[..^1]).State);
        Assert.Equal(CardTokenState.Invalid, tokens.Read(token + "A").State);
        Assert.Equal(CardTokenState.Invalid, tokens.Read(new string('A', 600)).State);
    }

    [Fact]
    public void Read_TokenOfAnotherKeyRing_OrAnotherPurpose_IsInvalid()
    {
        var otherInstallation = new CardTokens(new EphemeralDataProtectionProvider(), _clock, new CardTokenOptions()).Issue(4711, 3).Token;
        // Same keys, another purpose: e.g. an encrypted column's value offered as a card token.
        var otherPurpose = WebEncoders.Base64UrlEncode(_keys.CreateProtector("Medlem.PersonalData.v1").Protect(new byte[13]));

        Assert.Equal(CardTokenState.Invalid, Tokens().Read(otherInstallation).State);
        Assert.Equal(CardTokenState.Invalid, Tokens().Read(otherPurpose).State);
    }

    [Fact]
    public void Token_IsOpaque_Compact_AndDifferentEachTime()
    {
        var tokens = Tokens();
        var first = tokens.Issue(4711, 3).Token;
        var second = tokens.Issue(4711, 3).Token;

        Assert.NotEqual(first, second); // random IV: two codes of one card cannot be linked by their text
        Assert.InRange(first.Length, 100, 160); // fits a version 8 QR code at level M (152 bytes)
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not base64url"));
        // The card id (4711 = 00 00 12 67) does not appear in clear among the token's bytes.
        var bytes = WebEncoders.Base64UrlDecode(first);
        Assert.DoesNotContain(Enumerable.Range(0, bytes.Length - 3), i => bytes[i] == 0 && bytes[i + 1] == 0 && bytes[i + 2] == 0x12 && bytes[i + 3] == 0x67);
    }
}
