using Medlem.Core.Privacy;

namespace Medlem.Core.Consortium;

/// <summary>A branch (filial) of a library, where members are served and activity happens.</summary>
public sealed class Branch
{
    public int Id { get; set; }

    public int LibraryId { get; set; }

    [NotPersonalData] public required string Code { get; set; }

    [NotPersonalData] public required string Name { get; set; }

    /// <summary>True for the main library building (hovedbibliotek).</summary>
    [NotPersonalData] public bool IsMain { get; set; }
}
