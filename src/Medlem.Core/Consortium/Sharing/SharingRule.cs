using Medlem.Core.Privacy;

namespace Medlem.Core.Consortium.Sharing;

/// <summary>
/// Lets the staff of <see cref="RecipientLibraryId"/> find and read (never change) the members of
/// <see cref="OwnerLibraryId"/>, under an agreement between the two controllers (for example a
/// school library and its city library, or a shared card in the consortium). Made and revoked by
/// the owner's administrator; every read under it is in the audit trail, where the owner's data
/// protection officer sees it.
/// </summary>
public sealed class SharingRule
{
    public int Id { get; set; }

    public int OwnerLibraryId { get; set; }

    public int RecipientLibraryId { get; set; }

    /// <summary>The agreement that allows it (art. 26 joint controllers, or a data processing agreement), as staff name it.</summary>
    [NotPersonalData] public required string Basis { get; set; }

    [NotPersonalData] public DateTimeOffset CreatedAt { get; set; }

    [NotPersonalData] public DateTimeOffset? RevokedAt { get; set; }
}
