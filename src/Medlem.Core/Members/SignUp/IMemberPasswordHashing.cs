using Medlem.Core.Members.Accounts;

namespace Medlem.Core.Members.SignUp;

/// <summary>
/// The password rule and hash for a new member account. The web host implements it with ASP.NET
/// Core Identity's hasher and the members' password rule, so that sign-up, reset and the desk share
/// one rule and one hash format while Core references no ASP.NET.
/// </summary>
public interface IMemberPasswordHashing
{
    /// <summary>The validation code of a password that breaks the rule (e.g. <c>member.password.rule</c>), or null when it is acceptable.</summary>
    string? RuleBrokenBy(string password);

    /// <summary>The hash to store in <see cref="MemberAccount.PasswordHash"/>. Deliberately slow.</summary>
    string Hash(MemberAccount account, string password);
}
