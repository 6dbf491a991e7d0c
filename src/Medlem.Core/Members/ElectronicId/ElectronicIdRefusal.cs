namespace Medlem.Core.Members.ElectronicId;

/// <summary>
/// Why an electronic-ID sign-in, upgrade or guardian approval changed nothing. The names are the
/// codes the web pages show a text for and the only thing the log records about the attempt.
/// </summary>
public enum ElectronicIdRefusal
{
    /// <summary>The ID token had no national identity number.</summary>
    PidMissing,

    /// <summary>The number in the ID token is not a valid (or allowed) national identity number.</summary>
    PidInvalid,

    /// <summary>The number is already on another person in the register.</summary>
    NumberOnAnotherPerson,

    /// <summary>This electronic ID is already linked to another person in the register.</summary>
    SubjectOnAnotherPerson,

    /// <summary>The person's record already holds a different number.</summary>
    AnotherNumberOnRecord,

    /// <summary>The birth year (or date) the person gave differs from the one in the number.</summary>
    BirthDateDiffers,

    /// <summary>The signed-in person is no longer in the register.</summary>
    PersonMissing,

    /// <summary>Every membership of the person is blocked, and they are no guardian: as with card and PIN, no sign-in.</summary>
    Blocked,
}

public static class ElectronicIdRefusals
{
    /// <summary>The refusal as a validation code: "eid.pid-missing", "eid.number-on-another-person", …</summary>
    public static string Code(this ElectronicIdRefusal refusal) =>
        "eid." + string.Concat(refusal.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
