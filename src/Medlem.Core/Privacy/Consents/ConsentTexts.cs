namespace Medlem.Core.Privacy.Consents;

/// <summary>
/// One version of a purpose's text: what, why and how long, in one sentence each language. A
/// version is <see cref="Material"/> when it changes what the member agrees to; then consents to
/// earlier versions no longer count and the member is asked again (the old consent stays on record).
/// </summary>
public sealed record ConsentText(ConsentPurpose Purpose, int Version, DateOnly Since, bool Material, string Bokmaal, string English)
{
    public string In(string language) => language == "en" ? English : Bokmaal;
}

/// <summary>
/// The consent texts, every version, in code: a text a member agreed to must never change under
/// them, so texts are added as new versions, not edited. Reviewed by the libraries' data
/// protection officers before a release.
/// </summary>
public sealed class ConsentTexts(IReadOnlyList<ConsentText> all)
{
    public static ConsentTexts Default { get; } = new(Released);

    public IReadOnlyList<ConsentText> All { get; } = all;

    private static IReadOnlyList<ConsentText> Released =>
    [
        new(ConsentPurpose.ReadingHistory, 1, new(2026, 1, 1), true,
            "Biblioteket tar vare på hvilke titler du har lånt, så du selv kan se dem på Min side, til du trekker samtykket tilbake; da slettes listen.",
            "The library keeps the titles you have borrowed, for you to see on My page, until you withdraw this consent; then the list is deleted."),
        new(ConsentPurpose.Recommendations, 1, new(2026, 1, 1), true,
            "Biblioteket bruker lånene dine til å foreslå bøker og arrangementer for deg, så lenge samtykket gjelder. Tilbys ikke barn.",
            "The library uses your loans to suggest books and events to you, as long as this consent stands. Not offered to children."),
        new(ConsentPurpose.Newsletter, 1, new(2026, 1, 1), true,
            "Biblioteket sender deg nyhetsbrev på e-post om arrangementer og tilbud, til du melder deg av.",
            "The library e-mails you newsletters about events and services, until you unsubscribe."),
        new(ConsentPurpose.Sms, 1, new(2026, 1, 1), true,
            "Biblioteket sender deg påminnelser og beskjeder på SMS, til du sier nei takk.",
            "The library texts you reminders and messages, until you say no thanks."),
        new(ConsentPurpose.Surveys, 1, new(2026, 1, 1), true,
            "Biblioteket kan invitere deg til undersøkelser og brukerpanelet; svarene brukes bare til å gjøre biblioteket bedre.",
            "The library may invite you to surveys and the user panel; answers are used only to improve the library."),
        new(ConsentPurpose.WifiLink, 1, new(2026, 1, 1), true,
            "Når du logger på bibliotekets wifi med lånekortet, telles bruken på medlemskapet ditt (ikke hva du gjør på nettet).",
            "When you log on to the library's wifi with your card, the use is counted on your membership (not what you do online)."),
    ];

    public ConsentText Current(ConsentPurpose purpose) => All.Where(t => t.Purpose == purpose).MaxBy(t => t.Version)!;

    public ConsentText? Of(ConsentPurpose purpose, int version) => All.SingleOrDefault(t => t.Purpose == purpose && t.Version == version);

    /// <summary>The version of the latest material change: consents to an earlier version do not count.</summary>
    public int LastMaterialVersion(ConsentPurpose purpose) => All.Where(t => t.Purpose == purpose && t.Material).Max(t => t.Version);
}
