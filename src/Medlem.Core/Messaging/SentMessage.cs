using Medlem.Core.Privacy;

namespace Medlem.Core.Messaging;

/// <summary>
/// A record that a message went to a person: which kind, to which address, when. The text is
/// not kept (it is the template's, filled with links that worked once); the record is part of
/// what a member sees in their access export (GDPR art. 15) and goes with the person on erasure.
/// </summary>
public sealed class SentMessage
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The library on whose behalf it was sent (the controller).</summary>
    [NotPersonalData] public int LibraryId { get; set; }

    /// <summary>The message's kind, a template key such as <c>confirm-email</c>.</summary>
    [PersonalData(MedlemTaxonomy.RecordMetadata)] public required string Template { get; set; }

    [PersonalData(MedlemTaxonomy.Contact)] public required string SentTo { get; set; }

    [PersonalData(MedlemTaxonomy.RecordMetadata)] public DateTimeOffset SentAt { get; set; }
}
