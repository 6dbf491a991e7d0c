namespace Medlem.Core.Members.SignUp;

/// <summary>What a person types on the sign-up form, as typed; validated by <see cref="SignUpDigitalMember"/>.</summary>
public sealed record SignUpInput
{
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Email { get; init; }

    /// <summary>Four digits. Only the year is asked (data minimisation); see <see cref="Person.BirthYearOnly"/>.</summary>
    public string? BirthYear { get; init; }

    /// <summary>The code of a city library; school libraries take their pupils through the school.</summary>
    public string? LibraryCode { get; init; }

    public string? Mobile { get; init; }
    public PreferredLanguage PreferredLanguage { get; init; }

    /// <summary>For signing in with the e-mail address once it is confirmed. Never stored, only its hash.</summary>
    public string? Password { get; init; }

    /// <summary>Asked only when the person is too young to join alone (13 and 14).</summary>
    public string? GuardianEmail { get; init; }
}

public enum SignUpKind
{
    /// <summary>A new person with a pending digital membership; the confirmation link is to be mailed.</summary>
    NewMember = 0,

    /// <summary>
    /// The address is already confirmed for a member of the library: nothing was stored, and the
    /// caller mails that member how to sign in instead. The page says the same as for a new member,
    /// so the form does not tell strangers who is a member.
    /// </summary>
    AlreadyMember = 1,
}

/// <summary>
/// The outcome of a sign-up: whom to write to and the links to put in the mail (their tokens exist
/// only here and in the mail). For <see cref="SignUpKind.AlreadyMember"/>, the existing member.
/// <see cref="WaitsForGuardian"/> is the same for both kinds: the page must not differ.
/// </summary>
public sealed record SignUpResult(
    SignUpKind Kind,
    Guid PersonId,
    Guid? MembershipId,
    int LibraryId,
    string LibraryName,
    string GivenName,
    string FamilyName,
    int BirthYear,
    string Email,
    PreferredLanguage Language,
    bool WaitsForGuardian,
    IssuedLink? Confirmation,
    IssuedLink? GuardianApproval);

/// <summary>The validation codes a sign-up can answer with; each has a text <c>error.&lt;code&gt;</c> in both languages.</summary>
public static class SignUpErrors
{
    public const string BirthYearInvalid = "join.birth-year.invalid";
    public const string TooYoung = "join.too-young";
    public const string GuardianEmailRequired = "join.guardian-email.required";
    public const string GuardianEmailSame = "join.guardian-email.same";
    public const string LibraryUnknown = "join.library.unknown";
    public const string LibrarySchool = "join.library.school";
    public const string LibraryNoDigital = "join.library.no-digital";

    /// <summary>Every code, the shared ones (<c>required</c>, <c>email.invalid</c>, …) included.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        BirthYearInvalid, TooYoung, GuardianEmailRequired, GuardianEmailSame, LibraryUnknown, LibrarySchool, LibraryNoDigital,
        "required", "too-long", "control-characters", "name-characters", "email.invalid", "mobile.invalid", "language.unknown",
        "type.age", "card.exhausted", "card.duplicate",
        // The web host's password rule, reported through IMemberPasswordHashing.
        "member.password.rule",
    ];
}
