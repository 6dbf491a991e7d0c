using System.Security.Claims;

namespace Medlem.Web.Features.Member;

/// <summary>How a member proved who they are in this session; electronic ID is the strongest.</summary>
public enum MemberSignInMethod
{
    Pin = 0,
    Password = 1,
    ElectronicId = 2,
}

/// <summary>
/// The signed-in member (or guardian) on the member pages: which person, by what method. Read
/// from the member cookie, which is separate from the staff cookie: a staff member is never a
/// member by their staff sign-in, and a member never reaches a staff page.
/// </summary>
public sealed record MemberPrincipal(Guid PersonId, string GivenName, MemberSignInMethod Method)
{
    public const string Scheme = "Member";
    public const string MethodClaim = "medlem:member-method";

    /// <summary>Where a member signs in, and where the member pages begin.</summary>
    public const string LoginPath = "/logg-inn";
    public const string HomePath = "/min-side";

    public static MemberPrincipal? From(ClaimsPrincipal user)
    {
        var identity = user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == Scheme);
        if (identity is null
            || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var personId)
            || !Enum.TryParse<MemberSignInMethod>(identity.FindFirst(MethodClaim)?.Value, out var method))
        {
            return null;
        }

        return new MemberPrincipal(personId, identity.FindFirst(ClaimTypes.GivenName)?.Value ?? "", method);
    }

    public ClaimsPrincipal ToClaims() => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, PersonId.ToString()),
            new Claim(ClaimTypes.GivenName, GivenName),
            new Claim(MethodClaim, Method.ToString()),
        ],
        Scheme));
}

/// <summary>The member pages' one policy: a person signed in with the member cookie.</summary>
public static class MemberPolicies
{
    public const string Member = nameof(Member);
}
