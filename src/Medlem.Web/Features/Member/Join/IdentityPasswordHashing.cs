using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Login;
using Microsoft.AspNetCore.Identity;

namespace Medlem.Web.Features.Member.Join;

/// <summary>The members' password rule (<see cref="MemberCredentials"/>) and Identity's hasher, for Core's sign-up.</summary>
public sealed class IdentityPasswordHashing(IPasswordHasher<MemberAccount> hasher) : IMemberPasswordHashing
{
    public string? RuleBrokenBy(string password) => MemberCredentials.IsValidPassword(password) ? null : "member.password.rule";

    public string Hash(MemberAccount account, string password) => hasher.HashPassword(account, password);
}
