using Microsoft.AspNetCore.Authentication;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>What a round trip to the provider is for, kept in its state (encrypted and signed by Data Protection, so the browser can neither read nor change it).</summary>
public enum ElectronicIdPurpose
{
    /// <summary>Someone not signed in signs in.</summary>
    SignIn,

    /// <summary>A signed-in member confirms their identity (the upgrade to borrower).</summary>
    Upgrade,

    /// <summary>A guardian approves a child's membership through their link.</summary>
    GuardianApproval,
}

/// <summary>The state of a round trip: the purpose and what it needs on return; the rest of the properties are the handler's.</summary>
public static class ElectronicIdChallenge
{
    public const string Scheme = "ElectronicId";

    private const string PurposeKey = "medlem.eid.purpose";
    private const string PersonKey = "medlem.eid.person";
    private const string LinkKey = "medlem.eid.link";
    private const string MembershipKey = "medlem.eid.membership";
    private const string GivenNameKey = "medlem.eid.given";
    private const string FamilyNameKey = "medlem.eid.family";

    public static AuthenticationProperties SignIn(string? returnUrl) => New(ElectronicIdPurpose.SignIn, returnUrl);

    public static AuthenticationProperties Upgrade(Guid personId)
    {
        var properties = New(ElectronicIdPurpose.Upgrade, null);
        properties.Items[PersonKey] = personId.ToString();
        return properties;
    }

    /// <summary>The link's id, never its token: the token is a secret that stays out of URLs it was not sent in.</summary>
    public static AuthenticationProperties GuardianApproval(Guid linkId, Guid membershipId, string givenName, string familyName)
    {
        var properties = New(ElectronicIdPurpose.GuardianApproval, null);
        properties.Items[LinkKey] = linkId.ToString();
        properties.Items[MembershipKey] = membershipId.ToString();
        properties.Items[GivenNameKey] = givenName;
        properties.Items[FamilyNameKey] = familyName;
        return properties;
    }

    public static ElectronicIdPurpose PurposeOf(AuthenticationProperties properties) =>
        Enum.TryParse<ElectronicIdPurpose>(ItemOf(properties, PurposeKey), out var purpose) ? purpose : ElectronicIdPurpose.SignIn;

    public static Guid? PersonOf(AuthenticationProperties properties) => GuidOf(properties, PersonKey);

    public static (Guid LinkId, Guid MembershipId, string GivenName, string FamilyName)? GuardianOf(AuthenticationProperties properties) =>
        GuidOf(properties, LinkKey) is { } link && GuidOf(properties, MembershipKey) is { } membership
            ? (link, membership, ItemOf(properties, GivenNameKey) ?? "", ItemOf(properties, FamilyNameKey) ?? "")
            : null;

    /// <summary>Removes what was only for the round trip, so none of it (names) is kept in the member cookie.</summary>
    public static void Clear(AuthenticationProperties properties)
    {
        foreach (var key in new[] { PurposeKey, PersonKey, LinkKey, MembershipKey, GivenNameKey, FamilyNameKey })
        {
            properties.Items.Remove(key);
        }
    }

    private static AuthenticationProperties New(ElectronicIdPurpose purpose, string? returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = returnUrl ?? MemberPrincipal.HomePath };
        properties.Items[PurposeKey] = purpose.ToString();
        return properties;
    }

    private static string? ItemOf(AuthenticationProperties properties, string key) =>
        properties.Items.TryGetValue(key, out var value) ? value : null;

    private static Guid? GuidOf(AuthenticationProperties properties, string key) =>
        Guid.TryParse(ItemOf(properties, key), out var id) ? id : null;
}
