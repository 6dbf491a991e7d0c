namespace Medlem.Core.Privacy.DataMap;

/// <summary>How a member's access export (art. 15) and erasure (art. 17) reach an entity's personal data.</summary>
public enum Coverage
{
    /// <summary>The member's rows are in the export / deleted by the erasure.</summary>
    Member,

    /// <summary>Kept as a record, with what names the member removed (the subject cleared, the words redacted).</summary>
    Anonymised,

    /// <summary>Not about members: staff and the library's own contacts, handled by the staff account's life.</summary>
    NotAboutMembers,
}

/// <summary>
/// For every stored entity that holds personal data, how the access export and the erasure cover
/// it, and where (so a reviewer can check the claim in the code named). A test fails when an entity
/// with a [PersonalData] property is missing here: a new kind of personal data must be decided on
/// for both rights before it can be stored.
/// </summary>
public static class PrivacyCoverage
{
    public sealed record Entry(Coverage Export, Coverage Erasure, string Where);

    public static IReadOnlyDictionary<string, Entry> Entities { get; } = new Dictionary<string, Entry>(StringComparer.Ordinal)
    {
        ["Person"] = new(Coverage.Member, Coverage.Member, "AccessExport.person; ErasePerson removes the person when no other controller holds them"),
        ["PostalAddress"] = new(Coverage.Member, Coverage.Member, "owned by Person"),
        ["ContactPoint"] = new(Coverage.Member, Coverage.Member, "AccessExport.contacts; cascades with Person"),
        ["Guardianship"] = new(Coverage.Member, Coverage.Member, "AccessExport.guardians/children; ErasePerson deletes both ways"),
        ["Membership"] = new(Coverage.Member, Coverage.Member, "AccessExport.memberships; ErasePerson deletes the library's memberships"),
        ["LibraryCard"] = new(Coverage.Member, Coverage.Member, "AccessExport.memberships[].cards; cascades with Membership"),
        ["MemberAccount"] = new(Coverage.Member, Coverage.Member, "AccountExportPart (which ways of signing in exist, never the hashes); cascades with Person"),
        ["MemberLink"] = new(Coverage.Member, Coverage.Member, "AccountExportPart (links sent, to which address); cascades with Person"),
        ["SentMessage"] = new(Coverage.Member, Coverage.Member, "AccountExportPart (messages sent: kind, address, time); cascades with Person"),
        ["LegalHold"] = new(Coverage.Member, Coverage.Member, "RestrictionExportPart; an open hold keeps the membership restricted (ErasurePending) until settled, then ErasePerson deletes it with the membership"),
        ["SourceIdentity"] = new(Coverage.Member, Coverage.Member, "AccessExport library-system ids; ErasePerson deletes them and hands them to the library system"),
        ["ImportRowError"] = new(Coverage.Member, Coverage.Anonymised, "AccessExport.importErrors (by the card's mask); ErasePerson redacts the value"),
        ["ConsentRecord"] = new(Coverage.Member, Coverage.Member, "ConsentExportPart; cascades with Membership, guardian ids cleared"),
        ["PrivacyRequest"] = new(Coverage.Member, Coverage.Anonymised, "RequestExportPart; ErasePerson clears the subject and the requester's words"),
        ["AuditEntry"] = new(Coverage.Member, Coverage.Anonymised, "AuditExportPart; ErasePerson clears the subject (the chain still verifies)"),
        ["ImportRun"] = new(Coverage.NotAboutMembers, Coverage.NotAboutMembers, "RunBy names the staff member who ran the import"),
        ["ActivitySource"] = new(Coverage.NotAboutMembers, Coverage.NotAboutMembers, "CreatedBy names the staff member who made the API key"),
        ["StaffAccount"] = new(Coverage.NotAboutMembers, Coverage.NotAboutMembers, "staff accounts"),
        ["Library"] = new(Coverage.NotAboutMembers, Coverage.NotAboutMembers, "the data protection officer's published contact"),
        ["Breach"] = new(Coverage.NotAboutMembers, Coverage.NotAboutMembers, "the DPO's description, which must name no one"),
    };
}
