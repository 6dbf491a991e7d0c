namespace Medlem.Core.Privacy.Consents;

/// <summary>What a member may consent to (privacy issue, "Consents"). Stored as a number; never renumber.</summary>
public enum ConsentPurpose
{
    /// <summary>Keep the titles borrowed after return (personalisation).</summary>
    ReadingHistory = 1,

    /// <summary>Personal recommendations from what was borrowed: profiling, so never for children.</summary>
    Recommendations = 2,

    Newsletter = 3,
    Sms = 4,

    /// <summary>Invitations to surveys and the user panel.</summary>
    Surveys = 5,

    /// <summary>Link wifi use to the membership (otherwise wifi use is counted by a monthly keyed hash only).</summary>
    WifiLink = 6,
}

/// <summary>Where a consent was given or withdrawn.</summary>
public enum ConsentChannel
{
    MemberPage = 1,
    Desk = 2,
    Api = 3,
}

/// <summary>Who gave or withdrew it.</summary>
public enum ConsentActor
{
    /// <summary>The member.</summary>
    Member = 1,

    /// <summary>A guardian of the child (<see cref="ConsentRecord.GuardianId"/>).</summary>
    Guardian = 2,

    /// <summary>Staff recording the member's own word at the desk (<see cref="ConsentRecord.StaffAccountId"/>).</summary>
    Staff = 3,
}
