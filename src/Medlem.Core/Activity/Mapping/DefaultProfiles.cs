using Medlem.Core.Activity.Reading;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// The built-in profiles: for each kind, Medlem's own column names, and for patrons and loans the
/// names Koha and FOLIO use — Koha's borrowers and statistics tables in CSV, its REST API's
/// patron and checkout objects (api/v1/swagger/definitions/patron.yaml, checkout.yaml) in JSON,
/// and FOLIO's mod-users user and mod-circulation loan objects.
/// </summary>
public static class DefaultProfiles
{
    public static MappingProfile For(ImportKind kind, ImportFormat format, InputLayout layout) => (kind, format, layout) switch
    {
        (ImportKind.Patrons, ImportFormat.Koha, InputLayout.Csv) => Columns(("member_id", "borrowernumber"), ("card_number", "cardnumber")),
        (ImportKind.Patrons, ImportFormat.Koha, _) => Columns(("member_id", "patron_id"), ("card_number", "cardnumber")),
        (ImportKind.Patrons, ImportFormat.Folio, _) => Columns(("member_id", "id"), ("card_number", "barcode"), ("email", "personal.email")),
        (ImportKind.Loans, ImportFormat.Koha, InputLayout.Csv) => Columns(
            ("time", "datetime"), ("item_id", "itemnumber"), ("item_type", "itemtype"), ("collection", "ccode"), ("member_id", "borrowernumber")),
        (ImportKind.Loans, ImportFormat.Koha, _) => Columns(
            ("loan_id", "checkout_id"), ("member_id", "patron_id"), ("time", "checkout_date"), ("branch", "library_id"),
            ("renewals", "renewals_count"), ("renewed_at", "last_renewed_date")),
        (ImportKind.Loans, ImportFormat.Folio, _) => Columns(
            ("loan_id", "id"), ("member_id", "userId"), ("item_id", "itemId"), ("time", "loanDate"), ("branch", "checkoutServicePointId"),
            ("item_type", "item.materialType.name"), ("renewals", "renewalCount"), ("renewed_at", "metadata.updatedDate")),
        _ => new MappingProfile(),
    };

    private static MappingProfile Columns(params (string Field, string Column)[] columns)
    {
        var profile = new MappingProfile();
        foreach (var (field, column) in columns)
        {
            profile.Columns[field] = column;
        }

        return profile;
    }
}
