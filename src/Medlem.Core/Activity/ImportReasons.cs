namespace Medlem.Core.Activity;

/// <summary>
/// Why a row (or a file) was rejected: stable codes, stored with each error and shown in the
/// reader's language (web texts <c>import.reason.*</c>; <see cref="Describe"/> for the command line).
/// </summary>
public static class ImportReasons
{
    public const string EmptyFile = "file.empty";
    public const string MissingColumn = "file.column-missing";
    public const string OtherLibrary = "file.other-library";
    public const string Unreadable = "file.unreadable";
    public const string ProfileInvalid = "profile.invalid";
    public const string ProfileTimeZone = "profile.time-zone";
    public const string Interrupted = "import.interrupted";

    public const string Shape = "row.shape";
    public const string Encoding = "row.encoding";
    public const string Required = "value.required";
    public const string Date = "date.invalid";
    public const string Future = "date.future";
    public const string Number = "number.invalid";
    public const string Negative = "number.negative";
    public const string Branch = "branch.unknown";
    public const string Type = "type.unknown";
    public const string Audience = "audience.unknown";
    public const string Login = "login.unknown";
    public const string Format = "format.unknown";
    public const string Event = "event.unknown";
    public const string Hour = "hour.invalid";
    public const string EndsBeforeStart = "time.ends-before-start";
    public const string Card = "card.unknown";

    private static readonly Dictionary<string, string> English = new()
    {
        [EmptyFile] = "the file is empty",
        [MissingColumn] = "a required column is missing",
        [OtherLibrary] = "no branch code in the file belongs to this library: is it another library's file?",
        [Unreadable] = "the file could not be read",
        [ProfileInvalid] = "the mapping profile is not valid",
        [ProfileTimeZone] = "the mapping profile's time zone is unknown",
        [Interrupted] = "the import was interrupted before it was committed; run the file again",
        [Shape] = "the row has another number of fields than the header (shifted columns or a row cut off)",
        [Encoding] = "characters that are not valid in the file's encoding (mixed encodings?)",
        [Required] = "a required value is empty",
        [Date] = "not a date or time",
        [Future] = "a date in the future",
        [Number] = "not a whole number",
        [Negative] = "a negative number",
        [Branch] = "unknown branch code",
        [Type] = "unknown circulation type",
        [Audience] = "unknown audience (children, youth, adults, all)",
        [Login] = "unknown login method (membership, social, email, voucher)",
        [Format] = "unknown format (ebook, eaudiobook)",
        [Event] = "unknown event: import the event catalogue first",
        [Hour] = "not an hour from 0 to 23",
        [EndsBeforeStart] = "the session ends before it starts",
        [Card] = "no member of this library has the card number",
    };

    public static string Describe(string reason) => English.GetValueOrDefault(reason, reason);
}
