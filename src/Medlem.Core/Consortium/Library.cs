using Medlem.Core.Privacy;

namespace Medlem.Core.Consortium;

/// <summary>
/// A library in the consortium. Each library is its own controller of personal data (GDPR
/// art. 4(7)); a school library belongs to a municipality and to the city library that serves it.
/// </summary>
public sealed class Library
{
    public int Id { get; set; }

    /// <summary>Short stable code used in URLs, files and the command line, e.g. <c>stavanger</c>.</summary>
    [NotPersonalData] public required string Code { get; set; }

    [NotPersonalData] public required string Name { get; set; }

    [NotPersonalData] public LibraryKind Kind { get; set; }

    /// <summary>The nine-digit number in Enhetsregisteret (Brønnøysund).</summary>
    [NotPersonalData] public required string OrganisationNumber { get; set; }

    [NotPersonalData] public required string Municipality { get; set; }

    /// <summary>The city library a school library belongs to; null for a city library.</summary>
    public int? ParentLibraryId { get; set; }

    public Library? ParentLibrary { get; set; }

    /// <summary>Name of the data protection officer: a person, so personal data.</summary>
    [PersonalData(MedlemTaxonomy.UserName)] public required string DataProtectionOfficerName { get; set; }

    [PersonalData(MedlemTaxonomy.WorkContact)] public required string DataProtectionOfficerEmail { get; set; }

    /// <summary>The smallest number of people a shown figure may count (k); smaller counts are suppressed.</summary>
    [NotPersonalData] public int SmallCountThreshold { get; set; } = 5;

    public List<Branch> Branches { get; set; } = [];
}

public enum LibraryKind
{
    /// <summary>A public (city) library, folkebibliotek.</summary>
    Public = 0,

    /// <summary>A school library, skolebibliotek.</summary>
    School = 1,
}
