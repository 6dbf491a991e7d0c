using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Core.Tests.TestSupport;
using Xunit;

namespace Medlem.Core.Tests.Members.SignUp;

public class MemberLinkTokensTests
{
    [Fact]
    public void NewToken_Is32RandomBytesInUnpaddedBase64Url()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => MemberLinkTokens.NewToken()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t)); // 32 bytes = 43 base64url characters without padding
        Assert.All(tokens, t => Assert.True(MemberLinkTokens.IsWellFormed(t)));
        Assert.Equal(100, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void HashOf_IsLowerCaseHexSha256()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", MemberLinkTokens.HashOf("abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padded: not what NewToken makes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // '+' is base64, not base64url
    public void IsWellFormed_RefusesAnythingButAToken(string? token) => Assert.False(MemberLinkTokens.IsWellFormed(token));

    [Fact]
    public void Create_SetsLifetimeByPurpose()
    {
        var now = TestClock.Now;
        Assert.Equal(now.AddHours(48), MemberLinkTokens.Create(Guid.NewGuid(), null, MemberLinkPurpose.ConfirmEmail, "a@example.org", now).Link.ExpiresAt);
        Assert.Equal(now.AddHours(1), MemberLinkTokens.Create(Guid.NewGuid(), null, MemberLinkPurpose.ResetSecret, "a@example.org", now).Link.ExpiresAt);
        Assert.Equal(now.AddDays(7), MemberLinkTokens.Create(Guid.NewGuid(), null, MemberLinkPurpose.GuardianApproval, "a@example.org", now).Link.ExpiresAt);
    }
}
