using Medlem.Core.Consortium;

namespace Medlem.Web.Features.Admin;

/// <summary>The fields of a library, as edited on the libraries page.</summary>
public sealed class LibraryForm
{
    public string Prefix { get; set; } = "Own";
    public string? Name { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? Municipality { get; set; }
    public string? DataProtectionOfficerName { get; set; }
    public string? DataProtectionOfficerEmail { get; set; }
    public int SmallCountThreshold { get; set; } = 5;

    public LibraryInput ToInput() => new(Name, OrganisationNumber, Municipality, DataProtectionOfficerName, DataProtectionOfficerEmail, SmallCountThreshold);

    public static LibraryForm From(Library l) => new()
    {
        Name = l.Name, OrganisationNumber = l.OrganisationNumber, Municipality = l.Municipality,
        DataProtectionOfficerName = l.DataProtectionOfficerName, DataProtectionOfficerEmail = l.DataProtectionOfficerEmail,
        SmallCountThreshold = l.SmallCountThreshold,
    };
}
