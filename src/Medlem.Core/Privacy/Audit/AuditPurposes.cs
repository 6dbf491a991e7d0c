namespace Medlem.Core.Privacy.Audit;

/// <summary>
/// The purposes an audit entry may name: one code per code path that shows identified member
/// data. <see cref="AuditTrail"/> refuses anything else, so no typed text, name or number can
/// reach the trail through a purpose.
/// </summary>
public static class AuditPurposes
{
    public const string DeskSearch = "desk.search";
    public const string DeskDetails = "desk.details";
    public const string DeskDetailsChange = "desk.details.change";
    public const string DeskEdit = "desk.edit";
    public const string DeskEditSave = "desk.edit.save";
    public const string ApiMembersSearch = "api.members.search";
    public const string ApiMembersGet = "api.members.get";
    public const string ApiMembersCreate = "api.members.create";
    public const string ApiMembersUpdate = "api.members.update";
    public const string ApiMembershipsUpdate = "api.memberships.update";
    public const string DeskConsents = "desk.consents";
    public const string DeskConsentsChange = "desk.consents.change";
    public const string ApiConsentsGet = "api.consents.get";
    public const string ApiConsentsUpdate = "api.consents.update";
    public const string PrivacyRequest = "privacy.request";
    public const string DeskRestriction = "desk.restriction";
    public const string DeskRestrictionChange = "desk.restriction.change";
    public const string ApiCardsVerify = "api.cards.verify";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        DeskSearch, DeskDetails, DeskDetailsChange, DeskEdit, DeskEditSave,
        ApiMembersSearch, ApiMembersGet, ApiMembersCreate, ApiMembersUpdate, ApiMembershipsUpdate,
        DeskConsents, DeskConsentsChange, ApiConsentsGet, ApiConsentsUpdate, PrivacyRequest,
        DeskRestriction, DeskRestrictionChange,
        ApiCardsVerify,
    };
}
